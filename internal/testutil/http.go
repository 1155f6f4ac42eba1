package testutil

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Reply is an HTTP answer as a test reads it.
type Reply struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends one request as the user with token ("" for none) and reads the whole answer.
// The body is JSON-encoded, with its Content-Type, unless it is a string, which is sent
// as it is; extra headers come in pairs and win. A request that gets no answer fails the
// test.
func Do(t testing.TB, method, url, token string, body any, headers ...string) Reply {
	t.Helper()
	return DoWith(t, http.DefaultClient, method, url, token, body, headers...)
}

// DoWith is Do through a client of the caller's, e.g. one that checks every request
// and answer against the OpenAPI description.
func DoWith(t testing.TB, client *http.Client, method, url, token string, body any, headers ...string) Reply {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		js, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(js)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return Reply{Status: resp.StatusCode, Header: resp.Header, Body: b}
}
