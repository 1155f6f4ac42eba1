package httpapi

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestErrorStatuses sends every kind of bad request at one case and checks the status,
// the JSON error, and that the case is unchanged afterwards.
func TestErrorStatuses(t *testing.T) {
	e, v := newEnvWithCase(t)
	id := v.ID
	complete := "/cases/" + id + "/tasks/" + task(t, v, "melding").ID + "/complete"
	good := map[string]any{"data": map[string]any{"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}}
	create := func(change func(map[string]any)) map[string]any {
		b := map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": dalfsenIntake()}
		change(b)
		return b
	}
	tests := []struct {
		name, token, method, path string
		body                      any
		headers                   []string
		status                    int
		msg                       string   // the exact error, when the API (not the workflow) words it
		fields                    []string // the fields of a 422, in order
	}{
		{name: "truncated JSON", token: "coach", method: "POST", path: complete, body: `{"data":`, status: 400, msg: "malformed JSON: the body ends too early"},
		{name: "syntax error", token: "coach", method: "POST", path: complete, body: `{"data" 1}`, status: 400, msg: "malformed JSON at byte 9: invalid character '1' after object key"},
		{name: "unknown field", token: "coach", method: "POST", path: complete, body: `{"data":{},"dta":1}`, status: 400, msg: `unknown field "dta"`},
		{name: "wrong type", token: "coach", method: "POST", path: complete, body: `{"data":[]}`, status: 400, msg: "data: must be an object, not array"},
		{name: "not an object", token: "coach", method: "POST", path: complete, body: `[1]`, status: 400, msg: "the body must be a JSON object"},
		{name: "two values", token: "coach", method: "POST", path: complete, body: `{"data":{}} {}`, status: 400, msg: "malformed JSON: more than one JSON value in the body"},
		{name: "empty body", token: "coach", method: "POST", path: complete, body: "", status: 400, msg: "the body is empty; send a JSON object"},
		{name: "bad idempotency key", token: "coach", method: "POST", path: complete, body: good, headers: []string{"Idempotency-Key", "a b"}, status: 400, msg: "Idempotency-Key must be 1 to 200 visible ASCII characters"},
		{name: "bad stalled", token: "coach", method: "GET", path: "/cases?stalled=maybe", status: 400, msg: "stalled must be true or false"},
		{name: "bad step", token: "coach", method: "GET", path: "/cases?step=a%22b", status: 400, msg: `step "a\"b" is not a step id`},
		{name: "unknown parameter", token: "coach", method: "GET", path: "/cases?stalld=true", status: 400, msg: `unknown query parameter "stalld"; this call takes [stalled step status pageSize pageToken]`},
		{name: "bad page size", token: "coach", method: "GET", path: "/tasks?pageSize=0", status: 400, msg: "pageSize must be a number from 1 to 1000"},
		{name: "bad page token", token: "coach", method: "GET", path: "/cases?pageToken=!!", status: 400, msg: "pageToken is not a token this API handed out; pass nextPageToken unchanged"},
		{name: "bad assignee", token: "coach", method: "GET", path: "/tasks?assignee=you", status: 400, msg: `assignee must be "me" or left out`},
		{name: "no token", method: "POST", path: complete, body: good, status: 401, msg: "no bearer token; send Authorization: Bearer <token>"},
		{name: "unknown token", token: "nope", method: "GET", path: "/cases/" + id, status: 401, msg: "unknown or invalid token"},
		{name: "wrong team", token: "coach-nieuwleusen", method: "POST", path: complete, body: good, status: 403},
		{name: "wrong role", token: "jeugd", method: "POST", path: complete, body: good, status: 403},
		{name: "other gemeente completes", token: "dordrecht", method: "POST", path: complete, body: good, status: 404, msg: "case not found"},
		{name: "other gemeente reads", token: "dordrecht", method: "GET", path: "/cases/" + id, status: 404, msg: "case not found"},
		{name: "other gemeente suspends", token: "dordrecht", method: "POST", path: "/cases/" + id + "/suspend", body: map[string]any{"reason": "x"}, status: 404, msg: "case not found"},
		{name: "other gemeente assigns to an unknown user", token: "dordrecht", method: "POST", path: strings.Replace(complete, "/complete", "/assign", 1), body: map[string]any{"assignee": "u-nobody"}, status: 404, msg: "case not found"},
		{name: "other gemeente sends bad JSON", token: "dordrecht", method: "POST", path: "/cases/" + id + "/extend", body: `{"by":`, status: 404, msg: "case not found"},
		{name: "other gemeente suspends without reason", token: "dordrecht", method: "POST", path: "/cases/" + id + "/suspend", body: map[string]any{"reason": ""}, status: 404, msg: "case not found"},
		{name: "other team reads", token: "coach-nieuwleusen", method: "GET", path: "/cases/" + id, status: 404, msg: "case not found"},
		{name: "unknown case", token: "coach", method: "GET", path: "/cases/case-doesnotexist", status: 404, msg: "case not found"},
		{name: "unknown case update", token: "coach", method: "POST", path: "/cases/case-doesnotexist/resume", status: 404, msg: "case not found"},
		{name: "not a case id", token: "coach", method: "GET", path: "/cases/some-workflow", status: 404, msg: "case not found"},
		{name: "unknown process", token: "coach", method: "POST", path: "/cases", body: create(func(b map[string]any) { b["process"] = "nope" }), status: 404, msg: `gemeente "dalfsen" has no process "nope"`},
		{name: "other gemeente's process", token: "dordrecht", method: "POST", path: "/cases", body: create(func(map[string]any) {}), status: 404, msg: `gemeente "dalfsen" has no process "wijkteam"`},
		{name: "unknown path", token: "coach", method: "GET", path: "/nope", status: 404, msg: "no such path; the API is described at /api/v1/openapi.yaml"},
		{name: "method", token: "coach", method: "DELETE", path: "/cases/" + id, status: 405, msg: "method DELETE is not allowed here; use GET, HEAD"},
		{name: "task not open", token: "coach", method: "POST", path: "/cases/" + id + "/tasks/plan-1/complete", body: map[string]any{"data": map[string]any{}}, status: 409},
		{name: "resume when not suspended", token: "coach", method: "POST", path: "/cases/" + id + "/resume", status: 409},
		{name: "too large", token: "coach", method: "POST", path: complete, body: `{"data":{"x":"` + strings.Repeat("a", maxBody) + `"}}`, status: 413, msg: "the body is larger than 1048576 bytes"},
		{name: "invalid form data", token: "coach", method: "POST", path: complete, body: map[string]any{"data": map[string]any{"urgentie": "hoog", "extra": 1}}, status: 422, fields: []string{"urgentie", "veiligheidsrisico", "ontvangst_bevestigd", "extra"}},
		{name: "suspend without reason", token: "coach", method: "POST", path: "/cases/" + id + "/suspend", body: map[string]any{"reason": " "}, status: 422, fields: []string{"reason"}},
		{name: "extend without reason and duration", token: "coach", method: "POST", path: "/cases/" + id + "/extend", body: map[string]any{"by": "six weeks"}, status: 422, fields: []string{"reason", "by"}},
		{name: "bad intake", token: "coach", method: "POST", path: "/cases", body: create(func(b map[string]any) { b["data"] = map[string]any{"bron": "fax"} }), status: 422, fields: []string{"bron", "veiligheidsrisico", "jeugdige_betrokken", "leefgebieden"}},
		{name: "future melding", token: "coach", method: "POST", path: "/cases", body: create(func(b map[string]any) { b["received"] = time.Now().Add(48 * time.Hour).Format(time.DateOnly) }), status: 422, fields: []string{"received"}},
		{name: "bad received", token: "coach", method: "POST", path: "/cases", body: create(func(b map[string]any) { b["received"] = "gisteren" }), status: 422, fields: []string{"received"}},
		{name: "create without gemeente", token: "coach", method: "POST", path: "/cases", body: create(func(b map[string]any) { delete(b, "gemeente") }), status: 422, fields: []string{"gemeente"}},
		{name: "create without gemeente and process", token: "dordrecht", method: "POST", path: "/cases", body: create(func(b map[string]any) { b["gemeente"], b["process"] = "", "" }), status: 422, fields: []string{"gemeente", "process"}},
		{name: "team not in process", token: "coach", method: "POST", path: "/cases", body: create(func(b map[string]any) { b["team"] = "zwolle" }), status: 422, fields: []string{"team"}},
	}
	before := e.must(200, "coach", "GET", "/cases/"+id, nil).body
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do(tc.token, tc.method, tc.path, tc.body, tc.headers...)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d; body %s", r.status, tc.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var got Error
			r.decode(t, &got)
			if got.Message == "" || (tc.msg != "" && got.Message != tc.msg) {
				t.Errorf("error %q, want %q", got.Message, tc.msg)
			}
			var fields []string
			for _, f := range got.Errors {
				fields = append(fields, f.Field)
				if f.Message == "" {
					t.Errorf("field %s has no message", f.Field)
				}
			}
			if !slices.Equal(fields, tc.fields) {
				t.Errorf("fields %v, want %v (%s)", fields, tc.fields, r.body)
			}
			if tc.status == 401 && !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without a Bearer challenge: %q", r.header.Get("WWW-Authenticate"))
			}
			if tc.status == 405 && r.header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow %q", r.header.Get("Allow"))
			}
			if after := e.must(200, "coach", "GET", "/cases/"+id, nil).body; !bytes.Equal(before, after) {
				t.Errorf("the case changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// TestTemporalUnavailable: without a reachable Temporal the API answers 503, also on
// /readyz (while /healthz, the liveness probe, stays 200), and never hangs past its
// request timeout.
func TestTemporalUnavailable(t *testing.T) {
	e := downEnv(t)
	for _, c := range []struct{ method, path string }{
		{"GET", "/readyz"},
		{"GET", "/cases"},
		{"GET", "/tasks"},
		{"GET", "/cases/case-abc"},
		{"POST", "/cases/case-abc/resume"},
	} {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			if r := e.do("coach", c.method, c.path, nil); r.status != 503 {
				t.Errorf("status %d, want 503; body %s", r.status, r.body)
			}
		})
	}
	r := e.do("coach", "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": dalfsenIntake()})
	if r.status != 503 {
		t.Errorf("POST /cases: status %d, want 503; body %s", r.status, r.body)
	}
	if r := e.do("", "GET", "/healthz", nil); r.status != 200 {
		t.Errorf("GET /healthz: status %d, want 200 (alive) while Temporal is down; body %s", r.status, r.body)
	}
}
