package activities

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func handoffInput() HandoffInput {
	return HandoffInput{
		CaseID: "c-1", Gemeente: "dalfsen", Process: "wijkteam", Step: "specialistische-hulp",
		Provider: "jeugdzorg-regio", IdempotencyKey: "c-1/specialistische-hulp/1",
	}
}

func TestHandoff(t *testing.T) {
	tests := []struct {
		name         string
		status       int
		answer       string
		edit         func(*HandoffInput)
		want         HandoffResult
		wantType     string
		nonRetryable bool
		wantMessage  string // part of the failure's message
	}{
		{name: "201 with reference", status: http.StatusCreated, answer: `{"reference":"JZ-2026-0042"}`, want: HandoffResult{Reference: "JZ-2026-0042"}},
		{name: "200 without reference", status: http.StatusOK, answer: `{}`, wantType: ErrRejected, nonRetryable: true, wantMessage: "sent no reference"},
		{name: "200 not JSON", status: http.StatusOK, answer: `ok`, wantType: ErrRejected, nonRetryable: true, wantMessage: "sent no reference"},
		{name: "422 is rejected", status: http.StatusUnprocessableEntity, answer: `{"error":"x"}`, wantType: ErrRejected, nonRetryable: true, wantMessage: "handoff to jeugdzorg-regio: webhook rejected the request: 422 Unprocessable Entity"},
		{name: "409 is rejected", status: http.StatusConflict, wantType: ErrRejected, nonRetryable: true},
		{name: "502 is retried", status: http.StatusBadGateway, wantType: ErrUnavailable, wantMessage: "handoff to jeugdzorg-regio: webhook answered 502 Bad Gateway"},
		{name: "unknown provider", status: http.StatusCreated, edit: func(in *HandoffInput) { in.Provider = "ggz-oost" }, wantType: ErrBadInput, nonRetryable: true,
			wantMessage: `handoff: provider "ggz-oost" is not configured; add it to the worker's providers file`},
		{name: "no idempotency key", status: http.StatusCreated, edit: func(in *HandoffInput) { in.IdempotencyKey = "" }, wantType: ErrBadInput, nonRetryable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hook := newWebhook(t, tt.status, tt.answer)
			env, _ := activityEnv(t, Config{HandoffWebhooks: map[string]string{"jeugdzorg-regio": hook.URL}})
			in := handoffInput()
			if tt.edit != nil {
				tt.edit(&in)
			}
			val, err := env.ExecuteActivity(HandoffName, in)
			checkFailure(t, err, tt.wantType, tt.nonRetryable)
			if err != nil {
				if !strings.Contains(err.Error(), tt.wantMessage) {
					t.Errorf("error %q, want it to contain %q", err, tt.wantMessage)
				}
				return
			}
			var got HandoffResult
			if err := val.Get(&got); err != nil || got != tt.want {
				t.Errorf("result %+v (%v), want %+v", got, err, tt.want)
			}
		})
	}
}

func TestHandoffSendsTheSameIdempotencyKeyOnRetry(t *testing.T) {
	hook := newWebhook(t, http.StatusCreated, `{"reference":"JZ-1"}`)
	env, _ := activityEnv(t, Config{HandoffWebhooks: map[string]string{"jeugdzorg-regio": hook.URL}})
	in := handoffInput()
	for range 2 {
		if _, err := env.ExecuteActivity(HandoffName, in); err != nil {
			t.Fatal(err)
		}
	}
	got := hook.requests()
	if len(got) != 2 {
		t.Fatalf("webhook got %d requests, want 2", len(got))
	}
	for i, r := range got {
		if r.IdempotencyKey != in.IdempotencyKey {
			t.Errorf("request %d Idempotency-Key %q, want %q", i, r.IdempotencyKey, in.IdempotencyKey)
		}
		var sent HandoffInput
		if err := json.Unmarshal(r.Body, &sent); err != nil || sent != in {
			t.Errorf("request %d body %s (%v), want %+v", i, r.Body, err, in)
		}
	}
}

func TestHandoffTimeoutIsRetryable(t *testing.T) {
	slow := newSlowWebhook(t)
	env, _ := activityEnv(t, Config{
		HandoffWebhooks: map[string]string{"jeugdzorg-regio": slow.URL},
		Timeout:         50 * time.Millisecond,
	})
	_, err := env.ExecuteActivity(HandoffName, handoffInput())
	checkFailure(t, err, ErrUnavailable, false)
}
