package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"go.temporal.io/sdk/temporal"
)

// ErrUnavailable is the retryable failure type of a webhook that did not answer or
// answered 5xx (or another non-2xx, non-4xx status).
const ErrUnavailable = "WebhookUnavailable"

// maxAnswer bounds how much of a webhook's answer is read.
const maxAnswer = 64 << 10

// post sends body as JSON to url and returns the answer's body on 2xx. The error is a
// Temporal application error: ErrRejected (non-retryable) on 4xx, except 408, 425 and
// 429, which ask to come back later; ErrUnavailable otherwise. Messages name the
// target, never the URL, which may hold a secret.
func (a *Activities) post(ctx context.Context, target, url, idempotencyKey string, body any) ([]byte, error) {
	return a.send(ctx, a.client, target, url, idempotencyKey, "", body)
}

// send is post with a client of its own and an Authorization header (when not empty).
func (a *Activities) send(ctx context.Context, client *http.Client, target, url, idempotencyKey, authorization string, body any) ([]byte, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("%s: encoding the request: %v", target, err), ErrBadInput, nil)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return nil, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("%s: the configured webhook URL is not usable", target), ErrBadInput, nil)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "wijkflow")
	if idempotencyKey != "" {
		req.Header.Set("Idempotency-Key", idempotencyKey)
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := client.Do(req)
	if err != nil {
		// The transport's error repeats the URL; keep it out of the failure.
		return nil, temporal.NewApplicationError(
			fmt.Sprintf("%s: webhook did not answer", target), ErrUnavailable)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	switch {
	case retryLater(resp.StatusCode):
		return nil, temporal.NewApplicationError(
			fmt.Sprintf("%s: webhook asked to retry later: %s", target, resp.Status), ErrUnavailable)
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return nil, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("%s: webhook rejected the request: %s", target, resp.Status), ErrRejected, nil)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, temporal.NewApplicationError(
			fmt.Sprintf("%s: webhook answered %s", target, resp.Status), ErrUnavailable)
	case err != nil:
		return nil, temporal.NewApplicationError(
			fmt.Sprintf("%s: reading the webhook's answer: %v", target, err), ErrUnavailable)
	}
	return answer, nil
}

// retryLater reports the 4xx answers that mean "not now" rather than "never": a request
// timeout, too early, or rate limiting.
func retryLater(status int) bool {
	return status == http.StatusRequestTimeout || status == http.StatusTooEarly || status == http.StatusTooManyRequests
}
