package worker

import (
	"sync/atomic"

	"github.com/wijkflow/wijkflow/definitions"
)

// demoPeople are made-up residents for the demo cases, so the web app shows whose case
// a task is. No real person; the BSNs start with 0000, which no municipality hands out.
var demoPeople = []struct{ name, born, address, bsn string }{
	{"Anna de Vries (demo)", "1948-03-12", "Voorbeeldstraat 1, Dalfsen", "000000012"},
	{"Mohamed El Amrani (demo)", "1979-11-02", "Proefweg 7, Lemelerveld", "000000024"},
	{"Sanne Bakker (demo)", "1992-06-21", "Testlaan 15, Nieuwleusen", "000000036"},
	{"Henk Jansen (demo)", "1955-01-30", "Demoplein 3", "000000048"},
	{"Fatma Yılmaz (demo)", "1986-09-09", "Oefenkade 22", "000000061"},
	{"Kees Visser (demo)", "1940-12-24", "Schijnhof 9", "000000073"},
}

var demoSeq atomic.Uint32

// demoResident fills the resident's fields of a definition with the next made-up person.
func demoResident(d *definitions.Definition) map[string]any {
	out := map[string]any{}
	r := d.Resident
	if r == nil {
		return out
	}
	p := demoPeople[int(demoSeq.Add(1)-1)%len(demoPeople)]
	for field, v := range map[string]string{r.Name: p.name, r.Birthdate: p.born, r.Address: p.address, r.BSN: p.bsn} {
		if field != "" && d.Intake.Field(field) != nil {
			out[field] = v
		}
	}
	return out
}
