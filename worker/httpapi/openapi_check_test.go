package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// specRouter is openapi.yaml, loaded and checked once for all tests.
var specRouter = sync.OnceValues(func() (routers.Router, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, err
	}
	return gorillamux.NewRouter(doc)
})

// specOptions: every error at once, an undocumented status is an error, and a bearer
// token is all the spec's security asks (the authenticator decides the rest).
var specOptions = &openapi3filter.Options{
	MultiError:            true,
	IncludeResponseStatus: true,
	AuthenticationFunc: func(_ context.Context, in *openapi3filter.AuthenticationInput) error {
		if !strings.HasPrefix(in.RequestValidationInput.Request.Header.Get("Authorization"), "Bearer ") {
			return errors.New("no bearer token")
		}
		return nil
	},
}

// specChecked is an HTTP client that checks every request the tests send and every
// answer against openapi.yaml (kin-openapi), failing t on a difference:
//   - an answer must be documented, status, headers and body;
//   - a request the spec does not allow must be refused (4xx): a test may send a bad
//     one on purpose, but the API must not take it.
func specChecked(t testing.TB) *http.Client {
	return &http.Client{Transport: specCheck{t: t, next: http.DefaultTransport}}
}

type specCheck struct {
	t    testing.TB
	next http.RoundTripper
}

func (c specCheck) RoundTrip(req *http.Request) (*http.Response, error) {
	var sent []byte
	if req.Body != nil {
		var err error
		if sent, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(sent))
	}
	resp, err := c.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(got))
	if err != nil {
		return resp, nil // the test reads the same error
	}
	c.check(req, sent, resp, got)
	return resp, nil
}

// check compares one exchange with the spec.
func (c specCheck) check(req *http.Request, sent []byte, resp *http.Response, got []byte) {
	c.t.Helper()
	router, err := specRouter()
	if err != nil {
		c.t.Errorf("openapi.yaml: %v", err)
		return
	}
	op := req.Method + " " + req.URL.Path
	clone := req.Clone(req.Context())
	clone.Body = io.NopCloser(bytes.NewReader(sent))
	if len(sent) > 0 && clone.Header.Get("Content-Type") == "" {
		clone.Header.Set("Content-Type", "application/json") // the API reads every body as JSON
	}
	route, params, err := router.FindRoute(clone)
	if err != nil {
		if resp.StatusCode < 400 {
			c.t.Errorf("%s answered %d, but the spec has no such operation: %v", op, resp.StatusCode, err)
		}
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: clone, PathParams: params, Route: route, Options: specOptions}
	if err := openapi3filter.ValidateRequest(req.Context(), in); err != nil && resp.StatusCode < 400 {
		c.t.Errorf("%s: the API took (%d) a request the spec does not allow: %v", op, resp.StatusCode, err)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(got)), Options: specOptions}
	if err := openapi3filter.ValidateResponse(req.Context(), out); err != nil {
		c.t.Errorf("%s: the answer %d is not as documented: %v\nbody: %.300s", op, resp.StatusCode, err, got)
	}
}

// TestOpenAPISpecLoads: openapi.yaml is a valid OpenAPI document, as kin-openapi reads it.
func TestOpenAPISpecLoads(t *testing.T) {
	if _, err := specRouter(); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
}
