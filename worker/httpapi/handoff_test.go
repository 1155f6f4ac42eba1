package httpapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/workflows"
)

// provider is a real HTTP provider that answers each hand-off with the next status of
// its script (the last one repeats), recording the idempotency keys it got.
type provider struct {
	*httptest.Server
	mu     sync.Mutex
	script []int
	keys   []string
}

func newProvider(t *testing.T, script ...int) *provider {
	p := &provider{script: script}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		p.mu.Lock()
		status := p.script[min(len(p.keys), len(p.script)-1)]
		p.keys = append(p.keys, r.Header.Get("Idempotency-Key"))
		p.mu.Unlock()
		w.WriteHeader(status)
		if status < 300 {
			io.WriteString(w, `{"reference":"GGZ-42"}`)
		}
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *provider) calls() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.keys...)
}

// ggzCase starts a Dordrecht case and completes it up to the GGZ hand-off; the answer
// comes at once, while the case waits for the provider.
func ggzCase(e *env) workflows.CaseView {
	e.t.Helper()
	var v workflows.CaseView
	e.must(201, "dordrecht", "POST", "/cases", map[string]any{"gemeente": "dordrecht", "process": "wijkteam",
		"data": map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "gezin_met_kinderen": false}}).decode(e.t, &v)
	e.must(200, "dordrecht", "POST", "/cases/"+v.ID+"/tasks/melding-1/complete", map[string]any{"data": map[string]any{"urgentie": "regulier"}})
	e.must(200, "dordrecht", "POST", "/cases/"+v.ID+"/tasks/poh-consult-1/complete", map[string]any{"data": map[string]any{"poh_advies": "basis_ggz"}}).decode(e.t, &v)
	return v
}

func ggzEnv(t *testing.T, p *provider) *env {
	return newEnvWith(t, &activities.Config{Logger: zerolog.Nop(),
		Providers: map[string]activities.Provider{"ggz-drechtsteden": {URL: p.URL}}})
}

// TestHandoffProviderDownThenUp: a provider that answers 500 and then 201 gets the
// referral with one idempotency key, and the case goes on without anyone acting.
func TestHandoffProviderDownThenUp(t *testing.T) {
	p := newProvider(t, 500, 201)
	e := ggzEnv(t, p)
	v := ggzCase(e)
	if v.Status != workflows.StatusOpen {
		t.Fatalf("the completion's answer waited for the provider: %+v", v)
	}
	e.eventually("the case closes after the provider took the referral", func() bool {
		return e.view("dordrecht", v.ID).Status == workflows.StatusClosed
	})
	keys := p.calls()
	if len(keys) != 2 || keys[0] != keys[1] || keys[0] != v.ID+"/ggz-1" {
		t.Errorf("provider got keys %v", keys)
	}
	if !strings.Contains(trailEvents(e.view("dordrecht", v.ID)), "handed-off") {
		t.Errorf("trail without handed-off")
	}
}

// TestHandoffRefusedLeadRetries: a 422 stalls the case with the reason, findable as
// stalled; a worker may not retry, the lead may, and the case goes on.
func TestHandoffRefusedLeadRetries(t *testing.T) {
	p := newProvider(t, 422, 201)
	e := ggzEnv(t, p)
	v := ggzCase(e)
	e.eventually("the hand-off fails", func() bool {
		v = e.view("dordrecht", v.ID)
		return len(v.Handoffs) == 1 && v.Handoffs[0].Status == "failed"
	})
	if !v.Stalled || !strings.Contains(v.Handoffs[0].Reason, "422") {
		t.Errorf("stalled %v, reason %q", v.Stalled, v.Handoffs[0].Reason)
	}
	e.eventually("the case is listed as stalled", func() bool {
		var l caseList
		e.must(200, "dordrecht-lead", "GET", "/cases?stalled=true", nil).decode(t, &l)
		for _, c := range l.Cases {
			if c.ID == v.ID {
				return len(c.Waiting) == 1 && c.Waiting[0] == "overdracht aan ggz-drechtsteden mislukt"
			}
		}
		return false
	})
	e.must(403, "dordrecht", "POST", "/cases/"+v.ID+"/retry-handoff", map[string]any{"reason": "opnieuw"})
	e.must(422, "dordrecht-lead", "POST", "/cases/"+v.ID+"/retry-handoff", map[string]any{"reason": " "})
	e.must(200, "dordrecht-lead", "POST", "/cases/"+v.ID+"/retry-handoff", map[string]any{"reason": "verwijsbrief aangevuld"})
	e.eventually("the case closes after the retry", func() bool {
		return e.view("dordrecht-lead", v.ID).Status == workflows.StatusClosed
	})
	if keys := p.calls(); len(keys) != 2 || keys[1] != v.ID+"/ggz-1/retry-1" {
		t.Errorf("provider got keys %v", keys)
	}
	e.must(409, "dordrecht-lead", "POST", "/cases/"+v.ID+"/retry-handoff", map[string]any{"reason": "nog eens"})
}

// TestHandoffRefusedLeadRoutesOn: the lead routes the case on from the refused hand-off.
func TestHandoffRefusedLeadRoutesOn(t *testing.T) {
	p := newProvider(t, 422)
	e := ggzEnv(t, p)
	v := ggzCase(e)
	e.eventually("the hand-off fails", func() bool { return e.view("dordrecht", v.ID).Stalled })
	e.must(422, "dordrecht-lead", "POST", "/cases/"+v.ID+"/route-on", map[string]any{"to": "nergens", "reason": "x"})
	e.must(400, "dordrecht-lead", "POST", "/cases/"+v.ID+"/route-on", map[string]any{"to": "afgesloten", "reason": "x", "extra": 1})
	var after workflows.CaseView
	e.must(200, "dordrecht-lead", "POST", "/cases/"+v.ID+"/route-on", map[string]any{"to": "afgesloten", "reason": "GGZ weigert; huisarts pakt het op"}).decode(t, &after)
	if after.Status != workflows.StatusClosed || after.Result != "afgerond" {
		t.Errorf("after route-on: status %s result %s", after.Status, after.Result)
	}
	if !strings.Contains(trailEvents(after), "routed-on") {
		t.Errorf("trail %s", trailEvents(after))
	}
}

// TestHandoffToDevInbox: without a configured provider, dev's inbox takes the
// hand-off; it is listed for the case's gemeente only.
func TestHandoffToDevInbox(t *testing.T) {
	inbox := activities.NewInbox()
	e := newEnvWith(t, &activities.Config{Logger: zerolog.Nop(), Inbox: inbox})
	v := ggzCase(e)
	e.eventually("the case closes", func() bool { return e.view("dordrecht", v.ID).Status == workflows.StatusClosed })
	var l inboxList
	e.must(200, "dordrecht", "GET", "/inbox", nil).decode(t, &l)
	if len(l.Handoffs) != 1 || l.Handoffs[0].CaseID != v.ID || l.Handoffs[0].Provider != "ggz-drechtsteden" {
		t.Errorf("inbox %+v", l)
	}
	e.must(200, "coach", "GET", "/inbox", nil).decode(t, &l)
	if len(l.Handoffs) != 0 {
		t.Errorf("another gemeente sees the inbox: %+v", l)
	}
}

func trailEvents(v workflows.CaseView) string {
	var out []string
	for _, e := range v.Trail {
		out = append(out, string(e.Event))
	}
	return strings.Join(out, " ")
}

// TestMeldcodeDirectMeldenEndToEnd is the path that stranded before issue 8: a Dalfsen
// melding with a high safety risk starts the Meldcode as a child case; acute danger
// hands off to Veilig Thuis at once (a real HTTP provider here); the child ends
// "gemeld", stays listed on the parent, got only its intake's fields, and the parent
// goes on to the keukentafelgesprek.
func TestMeldcodeDirectMeldenEndToEnd(t *testing.T) {
	p := newProvider(t, 201)
	e := newEnvWith(t, &activities.Config{Logger: zerolog.Nop(),
		Providers: map[string]activities.Provider{"veilig-thuis-ijsselland": {URL: p.URL}}})
	intake := map[string]any{"bron": "school", "veiligheidsrisico": "hoog", "jeugdige_betrokken": true, "leefgebieden": []string{"veiligheid"}}
	var v workflows.CaseView
	e.must(201, "coach", "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": intake}, "Idempotency-Key", "meldcode-1").decode(t, &v)
	e.must(200, "coach", "POST", "/cases/"+v.ID+"/tasks/melding-1/complete", map[string]any{"data": map[string]any{
		"urgentie": "spoed", "veiligheidsrisico": "hoog", "ontvangst_bevestigd": true, "vermoeden_huiselijk_geweld": true}})
	child := v.ID + ".meldcode-bij-melding"
	e.eventually("the Meldcode child case opens its first task", func() bool {
		r := e.do("coach", "GET", "/cases/"+child, nil)
		return r.status == 200 && strings.Contains(string(r.body), `"signalen-1"`)
	})
	cv := e.view("coach", child)
	for k := range cv.Data {
		if _, asked := intake[k]; !asked {
			t.Errorf("the child got field %q", k)
		}
	}
	e.must(200, "coach", "POST", "/cases/"+child+"/tasks/signalen-1/complete", map[string]any{"data": map[string]any{
		"signalen": "…", "kinderen_betrokken": true, "acuut_gevaar": true}})
	e.eventually("the child case is handed off and closes", func() bool {
		c := e.view("coach", child)
		return c.Status == workflows.StatusClosed && c.Result == "gemeld"
	})
	if keys := p.calls(); len(keys) != 1 || keys[0] != child+"/direct-melden-1" {
		t.Errorf("Veilig Thuis got %v", keys)
	}
	e.eventually("the parent goes on to the keukentafelgesprek", func() bool {
		pv := e.view("coach", v.ID)
		return len(pv.Tasks) == 1 && pv.Tasks[0].Step == "keukentafelgesprek" && len(pv.Children) == 1 && pv.Children[0] == child
	})
}
