package web

import (
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
)

// TestBSNFieldConstraints: a field with the bsn rule asks the browser for nine digits
// and says so; the elfproef itself is the server's.
func TestBSNFieldConstraints(t *testing.T) {
	ff := fieldsOf(definitions.Form{{Name: "bsn", Type: definitions.FieldText, Rules: "bsn"}}, nil, nil)[0]
	if a := string(ff.Attrs); !strings.Contains(a, `pattern="[0-9]{9}"`) || !strings.Contains(a, `inputmode="numeric"`) {
		t.Errorf("attributes %s", a)
	}
	if strings.Join(ff.Hints, ", ") != "9 cijfers" {
		t.Errorf("hints %v", ff.Hints)
	}
}
