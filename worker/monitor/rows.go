package monitor

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/wijkflow/wijkflow/definitions"
)

// Section is one group of figures as the page and the CSV show them, in Dutch.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Spread is set when the rows are durations (median, p80, p95 in days).
	Spread bool  `json:"spread"`
	Rows   []Row `json:"rows"`
}

// Row is one figure with its label; Median, P80 and P95 only in a Spread section.
type Row struct {
	Label  string `json:"label"`
	Key    string `json:"key"`
	N      int    `json:"n"`
	Median int    `json:"median,omitempty"`
	P80    int    `json:"p80,omitempty"`
	P95    int    `json:"p95,omitempty"`
}

func fig(label string, f Figure) Row { return Row{Label: label, Key: f.Key, N: f.N} }

func spread(label string, s Spread) Row {
	return Row{Label: label, Key: s.Key, N: s.N, Median: s.Median, P80: s.P80, P95: s.P95}
}

// Sections are the figures grouped for people: each a table, and a chart on the page.
func (f *Figures) Sections() []Section {
	out := []Section{
		{ID: "zaken", Title: "Zaken", Rows: []Row{fig("open", f.Open), fig("afgesloten in de periode", f.Closed),
			fig("zonder feitenoverzicht (alleen open/afgesloten geteld)", f.WithoutFacts)}},
		{ID: "doorlooptijd", Title: "Doorlooptijd van afgesloten zaken in dagen, vanaf de ontvangst", Spread: true,
			Rows: []Row{spread("hele zaak", f.Doorlooptijd)}},
	}
	steps := Section{ID: "stappen", Title: "Doorlooptijd per stap in dagen", Spread: true}
	for _, s := range f.Steps {
		steps.Rows = append(steps.Rows, spread(s.Step, s.Spread))
	}
	out = append(out, steps)
	for _, kind := range []struct{ kind, id, title string }{
		{KindLegal, "wettelijk", "Wettelijke termijnen"},
		{KindInternal, "intern", "Interne termijnen (werkafspraken)"},
		{KindNorm, "normen", "Servicenormen"},
	} {
		s := Section{ID: kind.id, Title: kind.title}
		for _, t := range f.Terms {
			if t.Kind != kind.kind {
				continue
			}
			name := t.Article
			if name == "" {
				name = "stap " + t.Step
			}
			s.Rows = append(s.Rows, fig(name+": gehaald", t.Met), fig(name+": niet gehaald", t.Missed),
				spread(name+": dagen te laat (mediaan)", t.MissedDays), fig(name+": open, verstreken", t.OpenLate),
				fig(name+": open, eindigt binnen "+strconv.Itoa(RiskDays)+" werkdagen", t.AtRisk),
				fig(name+": opgeschort", t.Suspended), fig(name+": verlengd", t.Extended))
		}
		out = append(out, s)
	}
	susp := Section{ID: "opschorting", Title: "Opschortingen, verlengingen, escalaties en vastlopers", Rows: []Row{
		fig("zaken met opschorting", f.Suspensions.Figure),
		{Label: "opschortingen", Key: f.Suspensions.Key, N: f.Suspensions.Count},
		{Label: "dagen opgeschort", Key: f.Suspensions.Key, N: f.Suspensions.Days},
		fig("verlengingen", f.Extensions), fig("vastgelopen (escalatieladder)", f.Stalls), fig("kon niet verder", f.Stuck)}}
	for _, r := range f.Escalations {
		susp.Rows = append(susp.Rows, fig("escalatie niveau "+strconv.Itoa(r.Level), r.Figure))
	}
	out = append(out, susp)
	ref := Section{ID: "verwijzingen", Title: "Verwijzingen naar specialistische zorg"}
	for _, r := range f.Referrals {
		ref.Rows = append(ref.Rows, fig(r.Provider+" ("+r.Kind+"): "+r.Outcome, r.Figure))
	}
	res := Section{ID: "resultaten", Title: "Resultaten van afgesloten zaken"}
	for _, r := range f.Results {
		res.Rows = append(res.Rows, fig(definitions.Label(r.Result), r.Figure)) // "eigen_kracht" → "Eigen kracht"
	}
	wk := Section{ID: "weken", Title: "Ontvangen en afgesloten per week"}
	for _, w := range f.Weeks {
		wk.Rows = append(wk.Rows, fig(w.Week+" ontvangen", w.Opened), fig(w.Week+" afgesloten", w.Closed))
	}
	load := Section{ID: "werklast", Title: "Werklast nu"}
	for _, t := range f.Teams {
		load.Rows = append(load.Rows, fig("team "+t.Team+": open zaken", t.Cases), fig("team "+t.Team+": open taken", t.Tasks))
	}
	for _, r := range f.Roles {
		load.Rows = append(load.Rows, fig("rol "+r.Role+": open taken", r.Tasks))
	}
	if o := f.Oldest; o != nil {
		load.Rows = append(load.Rows, Row{Label: "oudste open taak: " + o.Task + " in zaak " + o.Case + " (dagen open)", Key: "oldest", N: o.Days})
	}
	return append(out, ref, res, wk, load)
}

// WriteCSV writes every figure as a row: section, figure, n, median, p80, p95, key.
func (f *Figures) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"onderdeel", "cijfer", "aantal", "mediaan", "p80", "p95", "sleutel"})
	for _, s := range f.Sections() {
		for _, r := range s.Rows {
			rec := []string{s.Title, r.Label, strconv.Itoa(r.N), "", "", "", r.Key}
			if s.Spread || r.Median+r.P80+r.P95 > 0 {
				rec[3], rec[4], rec[5] = strconv.Itoa(r.Median), strconv.Itoa(r.P80), strconv.Itoa(r.P95)
			}
			_ = cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}
