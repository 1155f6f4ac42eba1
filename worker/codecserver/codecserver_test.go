package codecserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
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

// TestRemoteCodecAsTheCLIUsesIt decodes through the SDK's remote codec, which the
// Temporal CLI uses for --codec-endpoint and --codec-auth.
func TestRemoteCodecAsTheCLIUsesIt(t *testing.T) {
	keys, url := dalfsenEndpoint(t)
	p, _ := converter.GetDefaultDataConverter().ToPayload("geheim")
	enc, _ := crypt.NewCodec(keys).WithSerializationContext(converter.WorkflowSerializationContext{WorkflowID: "case-d"}).Encode([]*commonpb.Payload{p})
	for token, want := range map[string]bool{"Bearer d": true, "Bearer x": false} {
		remote := converter.NewRemotePayloadCodec(converter.RemotePayloadCodecOptions{
			Endpoint:      url + "/codec",
			ModifyRequest: func(r *http.Request) error { r.Header.Set("Authorization", token); return nil },
		})
		out, err := remote.Decode(enc)
		if !want {
			if err == nil {
				t.Errorf("%s: decoded %v", token, out)
			}
			continue
		}
		var s string
		if err != nil || converter.GetDefaultDataConverter().FromPayload(out[0], &s) != nil || s != "geheim" {
			t.Errorf("%s: %v %v %q", token, out, err, s)
		}
	}
}

// TestDecodesCompressedPayloads: what a worker stores (compressed, then encrypted) comes
// back as the plain JSON the UI shows; an encode is read by a worker's chain.
func TestDecodesCompressedPayloads(t *testing.T) {
	keys, url := dalfsenEndpoint(t)
	remote := converter.NewRemotePayloadCodec(converter.RemotePayloadCodecOptions{
		Endpoint:      url + "/codec",
		ModifyRequest: func(r *http.Request) error { r.Header.Set("Authorization", "Bearer d"); return nil },
	})
	text := strings.Repeat("verslag van het huisbezoek; ", 100)
	worker := keys.DataConverter().(converter.DataConverterWithSerializationContext).WithSerializationContext(converter.WorkflowSerializationContext{WorkflowID: "case-d"})
	stored, err := worker.ToPayload(text)
	if err != nil {
		t.Fatal(err)
	}
	out, err := remote.Decode([]*commonpb.Payload{stored})
	var s string
	if err != nil || converter.GetDefaultDataConverter().FromPayload(out[0], &s) != nil || s != text {
		t.Fatalf("decode: %v %v", out, err)
	}
	plain, _ := converter.GetDefaultDataConverter().ToPayload(text)
	enc, err := remote.Encode([]*commonpb.Payload{plain})
	if err != nil || !crypt.IsEncrypted(enc[0]) {
		t.Fatalf("encode: %v %v", enc, err)
	}
	if err := keys.DataConverter().FromPayload(enc[0], &s); err != nil || s != text {
		t.Fatalf("a worker reads the encoded payload: %v", err)
	}
}

// dalfsenEndpoint serves the codec endpoint to one Dalfsen user (token "d") for cases
// that are all Dalfsen's; it stops when the test ends.
func dalfsenEndpoint(t *testing.T) (*crypt.Keyring, string) {
	keys, _ := crypt.NewKeyring(crypt.Generate("k1"))
	tokens, _ := auth.NewTokens([]auth.User{{Token: "d", ID: "u-d", Gemeente: "dalfsen", Teams: []string{"dalfsen"}, Roles: []string{"wijkcoach"}}})
	mux := http.NewServeMux()
	mux.Handle("/codec/", New(Config{Keys: keys, Auth: tokens, CaseGemeente: func(context.Context, string) (string, error) { return "dalfsen", nil }}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return keys, srv.URL
}
