package demo

import (
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
)

// TestDemoBSNsPassTheElfproef: the made-up residents' BSNs pass the bsn rule the shipped
// definitions put on the field, so seeding never fails on them.
func TestDemoBSNsPassTheElfproef(t *testing.T) {
	for _, p := range people {
		if !definitions.IsBSN(p.bsn) {
			t.Errorf("%s: BSN %s fails the elfproef", p.name, p.bsn)
		}
	}
}
