package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/workflows"
)

// apiError is an answer of the task API other than 2xx: {error, code, args, errors}; a
// refusal's code and arguments are a message of the catalogue.
type apiError struct {
	Status  int    `json:"-"`
	English string `json:"error"`
	words.Message
	Errors []workflows.FieldError `json:"errors"`
}

// nl is the error in Dutch.
func (e *apiError) nl() string { return sayNL(e.Code, e.Args, e.English) }

func (e *apiError) Error() string { return fmt.Sprintf("%d %s", e.Status, e.English) }

// fieldErrors maps the 422's problems by field, in Dutch.
func (e *apiError) fieldErrors() map[string]string {
	out := map[string]string{}
	for _, fe := range e.Errors {
		out[fe.Field] = sayNL(fe.Code, fe.Args, fe.Message)
	}
	return out
}

// answer is a recorded API response: its JSON, or its value as the API handed it over
// (httpapi.ValueWriter).
type answer struct {
	status int
	header http.Header
	body   bytes.Buffer
	value  any
	valued bool
}

// WriteValue takes a 2xx answer's value as the API has it.
func (a *answer) WriteValue(v any) { a.value, a.valued = v, true }

func (a *answer) Header() http.Header         { return a.header }
func (a *answer) Write(b []byte) (int, error) { return a.body.Write(b) }
func (a *answer) WriteHeader(code int) {
	if a.status == 0 {
		a.status = code
	}
}

// call sends one request to the task API in-process, as the user of token, and decodes
// a 2xx JSON answer into out. Another status comes back as *apiError.
func (a *app) call(ctx context.Context, token, method, path string, q url.Values, body any, idem string, out any) error {
	target := "/api/v1" + path
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	req, err := httpapi.NewRequest(ctx, method, target, token, body)
	if err != nil {
		return err
	}
	if idem != "" {
		req.Header.Set("Idempotency-Key", idem)
	}
	ans := &answer{header: http.Header{}}
	a.cfg.API.ServeHTTP(ans, req)
	if ans.status == 0 {
		ans.status = http.StatusOK
	}
	if ans.status < 200 || ans.status > 299 {
		e := &apiError{Status: ans.status}
		if json.Unmarshal(ans.body.Bytes(), e) != nil || e.English == "" {
			e.English = strings.TrimSpace(ans.body.String())
		}
		return e
	}
	if out == nil {
		return nil
	}
	if ans.valued {
		return takeValue(ans.value, out)
	}
	return json.Unmarshal(ans.body.Bytes(), out)
}

// takeValue puts the API's value v into out: as it is when out points to v's type, or
// v is a pointer to it (the web reads it, never changes it), else through its JSON, as
// over the wire.
func takeValue(v, out any) error {
	o, val := reflect.ValueOf(out), reflect.ValueOf(v)
	if o.Kind() == reflect.Pointer && !o.IsNil() && v != nil {
		if val.Kind() == reflect.Pointer && !val.IsNil() && val.Type() == o.Type() {
			val = val.Elem()
		}
		if val.Type() == o.Type().Elem() {
			o.Elem().Set(val)
			return nil
		}
	}
	js, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(js, out)
}
