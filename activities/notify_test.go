package activities

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func notifyInput() NotifyInput {
	return NotifyInput{
		CaseID: "c-1", Gemeente: "dalfsen", Process: "wijkteam", Team: "lemelerveld",
		Step: "keukentafelgesprek", TaskID: "t-2", Kind: "remind", To: "assignee",
		Assignee: "u-17", Message: "Het verslag van het keukentafelgesprek is over een week te laat.",
	}
}

func TestNotify(t *testing.T) {
	tests := []struct {
		name         string
		status       int // 0: no webhook configured
		edit         func(*NotifyInput)
		wantType     string
		nonRetryable bool
		wantPosts    int
	}{
		{name: "log only", status: 0},
		{name: "webhook 204", status: http.StatusNoContent, wantPosts: 1},
		{name: "webhook 400 is rejected", status: http.StatusBadRequest, wantType: ErrRejected, nonRetryable: true, wantPosts: 1},
		{name: "webhook 404 is rejected", status: http.StatusNotFound, wantType: ErrRejected, nonRetryable: true, wantPosts: 1},
		{name: "webhook 429 is retried", status: http.StatusTooManyRequests, wantType: ErrUnavailable, wantPosts: 1},
		{name: "webhook 500 is retried", status: http.StatusInternalServerError, wantType: ErrUnavailable, wantPosts: 1},
		{name: "webhook 503 is retried", status: http.StatusServiceUnavailable, wantType: ErrUnavailable, wantPosts: 1},
		{name: "no case id", status: http.StatusNoContent, edit: func(in *NotifyInput) { in.CaseID = "" }, wantType: ErrBadInput, nonRetryable: true},
		{name: "no step", status: http.StatusNoContent, edit: func(in *NotifyInput) { in.Step = "" }, wantType: ErrBadInput, nonRetryable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cfg Config
			var hook *webhook
			if tt.status != 0 {
				hook = newWebhook(t, tt.status, "")
				cfg.NotifyWebhook = hook.URL
			}
			env, _ := activityEnv(t, cfg)
			in := notifyInput()
			if tt.edit != nil {
				tt.edit(&in)
			}
			_, err := env.ExecuteActivity(NotifyName, in)
			checkFailure(t, err, tt.wantType, tt.nonRetryable)
			if hook == nil {
				return
			}
			got := hook.requests()
			if len(got) != tt.wantPosts {
				t.Fatalf("webhook got %d requests, want %d", len(got), tt.wantPosts)
			}
			if tt.wantPosts == 0 {
				return
			}
			if got[0].Method != http.MethodPost || got[0].ContentType != "application/json" {
				t.Errorf("request %s %q, want POST application/json", got[0].Method, got[0].ContentType)
			}
			var sent NotifyInput
			if err := json.Unmarshal(got[0].Body, &sent); err != nil || sent != in {
				t.Errorf("webhook body %s (%v), want %+v", got[0].Body, err, in)
			}
			if got[0].IdempotencyKey == "" {
				t.Error("notification sent without an Idempotency-Key")
			}
		})
	}
}

func TestNotifyTimeoutIsRetryable(t *testing.T) {
	slow := newSlowWebhook(t)
	env, _ := activityEnv(t, Config{NotifyWebhook: slow.URL, Timeout: 50 * time.Millisecond})
	_, err := env.ExecuteActivity(NotifyName, notifyInput())
	checkFailure(t, err, ErrUnavailable, false)
	if strings.Contains(err.Error(), slow.URL) {
		t.Errorf("failure %q repeats the webhook URL, which may hold a secret", err)
	}
}

func TestNotifyLogsIdsOnly(t *testing.T) {
	env, logs := activityEnv(t, Config{})
	in := notifyInput()
	if _, err := env.ExecuteActivity(NotifyName, in); err != nil {
		t.Fatal(err)
	}
	var entry map[string]any
	if err := json.Unmarshal(logs.Bytes(), &entry); err != nil {
		t.Fatalf("log %q is not one JSON line: %v", logs, err)
	}
	want := map[string]any{
		"level": "info", "message": "notification",
		"case": in.CaseID, "gemeente": in.Gemeente, "team": in.Team, "step": in.Step,
		"task": in.TaskID, "kind": in.Kind, "to": in.To,
	}
	if !reflect.DeepEqual(entry, want) {
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range entry {
				if !yield(k) {
					return
				}
			}
		})
		t.Errorf("log fields %v:\n got %v\nwant %v", keys, entry, want)
	}
	for _, secret := range []string{in.Message, in.Assignee} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("log %q contains %q", logs, secret)
		}
	}
}

func TestRetryPolicyNamesNonRetryableTypes(t *testing.T) {
	got := RetryPolicy().NonRetryableErrorTypes
	for _, want := range []string{ErrRejected, ErrBadInput} {
		if !slices.Contains(got, want) {
			t.Errorf("NonRetryableErrorTypes %v lacks %s", got, want)
		}
	}
	if slices.Contains(got, ErrUnavailable) {
		t.Errorf("NonRetryableErrorTypes %v holds %s, which must be retried", got, ErrUnavailable)
	}
}
