package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// NewRequest is a request to the task API as the user of token, with body sent as JSON
// (no body when nil): how the CLI, the web app and the demo seed call the API.
func NewRequest(ctx context.Context, method, target, token string, body any) (*http.Request, error) {
	var req *http.Request
	var err error
	if body == nil {
		req, err = http.NewRequestWithContext(ctx, method, target, http.NoBody)
	} else {
		var b []byte
		if b, err = json.Marshal(body); err != nil {
			return nil, err
		}
		if req, err = http.NewRequestWithContext(ctx, method, target, bytes.NewReader(b)); err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
	}
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return req, nil
}
