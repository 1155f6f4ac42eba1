package httpapi

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestReadyz: /readyz lists what keeps the process from being ready and answers 200
// once nothing does; /healthz stays 200 throughout.
func TestReadyz(t *testing.T) {
	e := newEnv(t)
	ready := &Readiness{}
	e.api.cfg.Ready = ready
	notReady := func(want int) []string {
		t.Helper()
		r := e.do("", "GET", "/readyz", nil)
		if r.status != want {
			t.Fatalf("readyz %d, want %d: %s", r.status, want, r.body)
		}
		var body struct{ NotReady []string }
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatal(err)
		}
		return body.NotReady
	}
	notReady(200)
	attrs := ready.Block("the search attributes are not usable yet")
	stop := ready.Block("shutting down")
	if got, want := notReady(503), []string{"the search attributes are not usable yet", "shutting down"}; !slices.Equal(got, want) {
		t.Errorf("notReady = %q, want %q", got, want)
	}
	if r := e.do("", "GET", "/healthz", nil); r.status != 200 {
		t.Errorf("healthz %d while not ready, want 200", r.status)
	}
	attrs()
	attrs() // twice is once
	if got := notReady(503); !slices.Equal(got, []string{"shutting down"}) {
		t.Errorf("notReady = %q, want only shutting down", got)
	}
	stop()
	notReady(200)
}
