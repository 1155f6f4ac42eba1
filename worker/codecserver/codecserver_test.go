package codecserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/auth"
)

type sink struct{ entries []accesslog.Entry }

func (s *sink) Record(e accesslog.Entry) { s.entries = append(s.entries, e) }

func TestDecodePerGemeente(t *testing.T) {
	keys, _ := crypt.NewKeyring(crypt.Generate("k1"))
	tokens, err := auth.NewTokens([]auth.User{
		{Token: "d", ID: "u-d", Gemeente: "dalfsen", Teams: []string{"dalfsen"}, Roles: []string{"wijkcoach"}},
		{Token: "u", ID: "u-u", Gemeente: "utrecht", Teams: []string{"zuid"}, Roles: []string{"buurtwerker"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	gemeente := map[string]string{"case-d": "dalfsen", "case-u": "utrecht"}
	log := &sink{}
	h := New(Config{
		Keys: keys, Auth: tokens, Access: log, Origins: []string{"http://localhost:8233"}, Namespace: "default",
		CaseGemeente: func(_ context.Context, id string) (string, error) {
			if g, ok := gemeente[id]; ok {
				return g, nil
			}
			return "", errors.New("no such case")
		},
	})
	seal := func(caseID, text string) *commonpb.Payload {
		p, _ := converter.GetDefaultDataConverter().ToPayload(text)
		c := crypt.NewCodec(keys).WithSerializationContext(converter.WorkflowSerializationContext{WorkflowID: caseID})
		out, err := c.Encode([]*commonpb.Payload{p})
		if err != nil {
			t.Fatal(err)
		}
		return out[0]
	}
	body, _ := json.Marshal(&commonpb.Payloads{Payloads: []*commonpb.Payload{
		seal("case-d", "dalfsen-geheim"), seal("case-u", "utrecht-geheim"), seal("", "zonder-zaak"), seal("case-x", "onbekend"),
	}})
	do := func(method, token string, headers ...string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, "/codec/decode", bytes.NewReader(body))
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			r.Header.Set(headers[i], headers[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	w := do("POST", "d")
	if w.Code != 200 {
		t.Fatalf("decode: %d %s", w.Code, w.Body)
	}
	var got commonpb.Payloads
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"dalfsen-geheim", "", "", ""} {
		p := got.Payloads[i]
		var s string
		if want == "" {
			if !crypt.IsEncrypted(p) {
				t.Errorf("payload %d decoded for a dalfsen user", i)
			}
			continue
		}
		if err := converter.GetDefaultDataConverter().FromPayload(p, &s); err != nil || s != want {
			t.Errorf("payload %d = %q (%v), want %q", i, s, err, want)
		}
	}
	outcomes := map[string]string{}
	for _, e := range log.entries {
		outcomes[e.Case] = e.Outcome
	}
	if outcomes["case-d"] != accesslog.OK || outcomes["case-u"] != accesslog.Denied || outcomes["case-x"] != accesslog.Denied || len(outcomes) != 3 {
		t.Errorf("access entries %+v", log.entries)
	}

	for _, tc := range []struct {
		name    string
		method  string
		token   string
		headers []string
		status  int
	}{
		{"no token", "POST", "", nil, 401},
		{"unknown token", "POST", "x", nil, 401},
		{"another namespace", "POST", "d", []string{"X-Namespace", "other"}, 403},
		{"GET", "GET", "d", nil, 404},
		{"preflight", "OPTIONS", "", []string{"Origin", "http://localhost:8233"}, 204},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if w := do(tc.method, tc.token, tc.headers...); w.Code != tc.status {
				t.Errorf("%d %s, want %d", w.Code, w.Body, tc.status)
			}
		})
	}
	w = do("OPTIONS", "", "Origin", "http://localhost:8233")
	if w.Header().Get("Access-Control-Allow-Origin") != "http://localhost:8233" || !strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "X-Namespace") {
		t.Errorf("preflight headers %v", w.Header())
	}
	if w = do("OPTIONS", "", "Origin", "http://evil.example"); w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("another origin allowed: %v", w.Header())
	}
}
