package activities

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestHandoffToConfiguredProvider: the provider's URL gets its credentials, and its own
// timeout bounds the call.
func TestHandoffToConfiguredProvider(t *testing.T) {
	got := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		got <- r.Header.Get("Authorization")
		io.WriteString(w, `{"reference":"VT-7"}`)
	}))
	defer srv.Close()
	env, logs := activityEnv(t, Config{Providers: map[string]Provider{
		"jeugdzorg-regio": {URL: srv.URL, Authorization: "Bearer geheim", Timeout: time.Second},
	}})
	val, err := env.ExecuteActivity(HandoffName, handoffInput())
	if err != nil {
		t.Fatal(err)
	}
	var res HandoffResult
	if err := val.Get(&res); err != nil || res.Reference != "VT-7" {
		t.Fatalf("result %+v (%v)", res, err)
	}
	if a := <-got; a != "Bearer geheim" {
		t.Errorf("Authorization %q", a)
	}
	if strings.Contains(logs.String(), "geheim") {
		t.Errorf("the credentials were logged: %s", logs)
	}
}

func TestHandoffProviderTimeout(t *testing.T) {
	slow := newSlowWebhook(t)
	env, _ := activityEnv(t, Config{
		Providers: map[string]Provider{"jeugdzorg-regio": {URL: slow.URL, Timeout: 50 * time.Millisecond}},
		Timeout:   time.Hour,
	})
	_, err := env.ExecuteActivity(HandoffName, handoffInput())
	checkFailure(t, err, ErrUnavailable, false)
}

// TestHandoffToInbox: without a provider configured, the dev inbox receives the
// hand-off, once per idempotency key, and only the gemeente's own items are listed.
func TestHandoffToInbox(t *testing.T) {
	inbox := NewInbox()
	env, logs := activityEnv(t, Config{Inbox: inbox})
	in := handoffInput()
	var refs []string
	for range 2 {
		val, err := env.ExecuteActivity(HandoffName, in)
		if err != nil {
			t.Fatal(err)
		}
		var res HandoffResult
		if err := val.Get(&res); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, res.Reference)
	}
	other := in
	other.Gemeente, other.IdempotencyKey = "dordrecht", "c-9/x-1"
	if _, err := env.ExecuteActivity(HandoffName, other); err != nil {
		t.Fatal(err)
	}
	items := inbox.Items("dalfsen")
	if refs[0] != "inbox-1" || refs[1] != "inbox-1" || len(items) != 1 || items[0].Provider != "jeugdzorg-regio" {
		t.Errorf("references %v, dalfsen items %+v", refs, items)
	}
	if !strings.Contains(logs.String(), "local provider inbox") {
		t.Errorf("the inbox hand-off was not logged: %s", logs)
	}
}
