package definitions

import (
	"strings"

	"github.com/invopop/jsonschema"
)

// Function is the legal function of a step: what the step is in the law's procedure
// (a melding, the onderzoek, a beschikking, a step of the Meldcode), so that the
// validator can judge the paths between such steps (pathlaw.go).
type Function string

// The legal functions a step can have; functions is their table.
const (
	FunctionMelding          Function = "melding"
	FunctionOnderzoek        Function = "onderzoek"
	FunctionVerslag          Function = "verslag"
	FunctionAanvraag         Function = "aanvraag"
	FunctionBeschikking      Function = "beschikking"
	FunctionBezwaar          Function = "bezwaar"
	FunctionToewijzing       Function = "toewijzing"
	FunctionSpoedvoorziening Function = "spoedvoorziening"
	FunctionMeldcode1        Function = "meldcode-1"
	FunctionMeldcode2        Function = "meldcode-2"
	FunctionMeldcode3        Function = "meldcode-3"
	FunctionMeldcode4        Function = "meldcode-4"
	FunctionMeldcode5        Function = "meldcode-5"
)

// FunctionSpec is one legal function, described once: the validator (function:), the
// JSON Schema and the designer guide's table read it from functions.
type FunctionSpec struct {
	// Name is the value of function: in YAML.
	Name Function
	// Doc says what such a step is, for the schema and the guide.
	Doc string
	// Law is where the law (or the Meldcode) gives the step this function.
	Law string
	// NeedsBSN: the step cannot be done without the resident's BSN, so asking it
	// earlier is more than the purpose needs (AVG art. 5 lid 1 c).
	NeedsBSN bool
}

// functions is the table of legal functions, in the order of the schema and the guide.
var functions = []FunctionSpec{
	{Name: FunctionMelding, Law: "Wmo 2015 art. 2.3.2 lid 1; Meldcode stap 5",
		Doc: "a melding: of a need for support (the Wmo clocks start), or in a Meldcode the melding to Veilig Thuis"},
	{Name: FunctionOnderzoek, Law: "Wmo 2015 art. 2.3.2 lid 1 en 4",
		Doc: "the onderzoek (keukentafelgesprek) into the need, within six weeks of the melding"},
	{Name: FunctionVerslag, Law: "Wmo 2015 art. 2.3.2 lid 8",
		Doc: "the verslag of the onderzoek, given to the resident"},
	{Name: FunctionAanvraag, Law: "Wmo 2015 art. 2.3.2 lid 9; Awb 1:3 lid 3", NeedsBSN: true,
		Doc: "the receipt of an aanvraag for a maatwerkvoorziening or jeugdhulp"},
	{Name: FunctionBeschikking, Law: "Wmo 2015 art. 2.3.5; Awb 1:3 lid 2", NeedsBSN: true,
		Doc: "the besluit on the aanvraag, made known to the resident with the rechtsmiddelenclausule (Awb 3:45)"},
	{Name: FunctionBezwaar, Law: "Awb 6:7, 6:8, 7:10",
		Doc: "the bezwaartermijn after a beschikking, and the bezwaar with its decision term"},
	{Name: FunctionToewijzing, Law: "Wmo 2015 art. 2.3.5 lid 3", NeedsBSN: true,
		Doc: "the assignment of the granted provision to a provider"},
	{Name: FunctionSpoedvoorziening, Law: "Wmo 2015 art. 2.3.3", NeedsBSN: true,
		Doc: "a tijdelijke maatwerkvoorziening in spoed, in afwachting van het onderzoek (which is still due)"},
	{Name: FunctionMeldcode1, Law: "Meldcode stap 1",
		Doc: "Meldcode step 1: signalen in kaart brengen"},
	{Name: FunctionMeldcode2, Law: "Meldcode stap 2",
		Doc: "Meldcode step 2: collegiale consultatie, and bij twijfel Veilig Thuis raadplegen"},
	{Name: FunctionMeldcode3, Law: "Meldcode stap 3",
		Doc: "Meldcode step 3: gesprek met de betrokkene(n)"},
	{Name: FunctionMeldcode4, Law: "Meldcode stap 4 (afwegingskader)",
		Doc: "Meldcode step 4: wegen van het geweld; it asks `onveiligheid` (acuut, structureel, …): melden is de norm at acuut or structureel"},
	{Name: FunctionMeldcode5, Law: "Meldcode stap 5",
		Doc: "Meldcode step 5: beslissen, hulp organiseren en/of melden (the professional decides)"},
}

// LookupFunction returns the spec of function f, or nil for a function not in the table.
func LookupFunction(f Function) *FunctionSpec {
	for i := range functions {
		if functions[i].Name == f {
			return &functions[i]
		}
	}
	return nil
}

// Functions lists every legal function in the order of the table.
func Functions() []FunctionSpec { return append([]FunctionSpec(nil), functions...) }

// isMeldcode reports whether f is one of the Meldcode's five steps.
func (f Function) isMeldcode() bool { return strings.HasPrefix(string(f), "meldcode-") }

// functionNames are the values function: takes, for messages.
func functionNames() []string {
	out := make([]string, len(functions))
	for i, f := range functions {
		out[i] = string(f.Name)
	}
	return out
}

// functionValues checks every step's function: against the table.
func (c *checker) functionValues() {
	for _, s := range c.d.Steps {
		if s.Function != "" && LookupFunction(s.Function) == nil {
			c.oneOf("steps."+s.ID+".function", string(s.Function), functionNames())
		}
	}
}

// JSONSchema lists the legal functions, each with what it is and where the law says so.
func (Function) JSONSchema() *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	docs := make([]string, len(functions))
	for i, f := range functions {
		s.Enum = append(s.Enum, string(f.Name))
		docs[i] = string(f.Name) + ": " + f.Doc + " (" + f.Law + ")"
	}
	s.Description = "The step's legal function, which the validator checks the paths against. " + strings.Join(docs, "; ") + "."
	return s
}
