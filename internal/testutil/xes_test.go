package testutil

import (
	"strings"
	"testing"
)

// xesHead opens a log in the order the schema demands.
const xesHead = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849.2016" xes.features=""%s>
<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
<global scope="event"><string key="concept:name" value=""/></global>
<classifier name="Event" keys="concept:name"/>
<trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="geopend"/>%s</event></trace>
</log>
`

func xesDoc(xmlns, event string) []byte {
	return []byte(strings.Replace(strings.Replace(xesHead, "%s", xmlns, 1), "%s", event, 1))
}

func TestCheckXESAcceptsAValidLog(t *testing.T) {
	CheckXES(t, xesDoc("", `<date key="time:timestamp" value="2026-01-05T10:00:00.5Z"/>`))
}

// Each broken log fails the check with xmllint's reason in the message.
func TestCheckXESRejects(t *testing.T) {
	for name, c := range map[string]struct {
		log  []byte
		want string
	}{
		"namespace": {xesDoc(` xmlns="http://www.xes-standard.org/"`, ""), "No matching global declaration"},
		"date":      {xesDoc("", `<date key="time:timestamp" value="2026-01-05 10:00"/>`), "xs:dateTime"},
		"order":     {[]byte(`<log xes.version="1849.2016"><trace/><extension name="C" prefix="c" uri="u"/></log>`), "Element 'extension': This element is not expected"},
		"version":   {[]byte(`<log xes.version="1849-2016"/>`), "xs:decimal"},
		"not XML":   {[]byte(`<log xes.version="1849.2016">`), "Premature end"},
	} {
		t.Run(name, func(t *testing.T) {
			r := &fatalRecorder{TB: t}
			func() {
				defer func() {
					if p := recover(); p != r {
						t.Fatalf("CheckXES did not fail the test (recovered %v)", p)
					}
				}()
				CheckXES(r, c.log)
			}()
			if !strings.Contains(r.msg, c.want) {
				t.Errorf("the failure does not say %q:\n%s", c.want, r.msg)
			}
		})
	}
}
