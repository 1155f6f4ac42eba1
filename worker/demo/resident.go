package demo

import (
	"sync/atomic"

	"github.com/wijkflow/wijkflow/definitions"
)

// people are made-up residents for the demo cases, so the web app shows whose case
// a task is. No real person; the BSNs start with 0000, which no municipality hands out.
var people = []struct{ name, born, address, bsn string }{
	{"Anna de Vries (demo)", "1948-03-12", "Voorbeeldstraat 1, Dalfsen", "000000012"},
	{"Mohamed El Amrani (demo)", "1979-11-02", "Proefweg 7, Lemelerveld", "000000024"},
	{"Sanne Bakker (demo)", "1992-06-21", "Testlaan 15, Nieuwleusen", "000000036"},
	{"Henk Jansen (demo)", "1955-01-30", "Demoplein 3", "000000048"},
	{"Fatma Yılmaz (demo)", "1986-09-09", "Oefenkade 22", "000000061"},
	{"Kees Visser (demo)", "1940-12-24", "Schijnhof 9", "000000073"},
}

var seq atomic.Uint32

// resident fills the resident's fields of a definition with the next made-up person.
func resident(d *definitions.Definition) map[string]any {
	out := map[string]any{}
	r := d.Resident
	if r == nil {
		return out
	}
	p := people[int(seq.Add(1)-1)%len(people)]
	for field, v := range map[string]string{r.Name: p.name, r.Birthdate: p.born, r.Address: p.address, r.BSN: p.bsn} {
		if field != "" && d.Intake.Field(field) != nil {
			out[field] = v
		}
	}
	return out
}
