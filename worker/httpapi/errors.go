package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// Error is the API's error answer, `{"error": ..., "errors": [{field, message}]}`. A
// case's refusal also says its code and arguments (internal/words/refusals.go), for a
// client that speaks Dutch.
type Error struct {
	Status  int                    `json:"-"`
	Message string                 `json:"error"`
	Code    words.Code             `json:"code,omitempty"`
	Args    map[string]string      `json:"args,omitempty"`
	Errors  []workflows.FieldError `json:"errors,omitempty"`
	// kind is the Temporal error type for the audit log ("" when none).
	kind string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

func errorf(status int, format string, args ...any) *Error {
	return &Error{Status: status, Message: fmt.Sprintf(format, args...)}
}

// invalid is a 422 with one problem per field.
func invalid(problems []workflows.FieldError) *Error {
	return &Error{Status: http.StatusUnprocessableEntity, Message: "the request breaks the rules; see errors", Errors: problems}
}

func unauthorized(err error) *Error {
	return &Error{Status: http.StatusUnauthorized, Message: err.Error(), kind: "Unauthorized"}
}

// fail writes err as JSON; errors that are not the caller's fault are logged.
func (a *api) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := toError(err)
	if e.Status >= 500 {
		a.log.Error().Err(err).Str("method", r.Method).Str("path", r.Pattern).Int("status", e.Status).Msg("request failed")
	}
	if e.Status == http.StatusUnauthorized {
		challenge := `Bearer realm="wijkflow"`
		if !errors.Is(err, auth.ErrNoCredentials) {
			challenge += `, error="invalid_token"`
		}
		w.Header().Set("WWW-Authenticate", challenge)
	}
	writeError(w, e)
}

// toError maps an error from a handler or from Temporal to an HTTP answer. Rejections by
// the workflow's update validators carry an application error type; the rest are the
// server's statuses.
func toError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var app *temporal.ApplicationError
	if errors.As(err, &app) {
		out := &Error{Message: app.Message(), kind: app.Type()}
		switch app.Type() {
		case workflows.ErrNotOpen, workflows.ErrConflict:
			out.Status = http.StatusConflict
			out.Code, out.Args = refusal(app)
		case workflows.ErrForbidden:
			out.Status = http.StatusForbidden
			out.Code, out.Args = refusal(app)
		case workflows.ErrInvalid:
			out.Status = http.StatusUnprocessableEntity
			if app.HasDetails() {
				_ = app.Details(&out.Errors)
			}
		default:
			out.Status = http.StatusInternalServerError
			out.Message = "the case workflow failed to handle the request"
		}
		return out
	}
	var (
		notFound  *serviceerror.NotFound
		notReady  *serviceerror.WorkflowNotReady
		invalidA  *serviceerror.InvalidArgument
		unavail   *serviceerror.Unavailable
		exhausted *serviceerror.ResourceExhausted
		deadline  *serviceerror.DeadlineExceeded
		already   *serviceerror.WorkflowExecutionAlreadyStarted
	)
	switch {
	case errors.As(err, &notFound):
		return &Error{Status: http.StatusNotFound, Message: "case not found", kind: "NotFound"}
	case errors.As(err, &invalidA):
		return &Error{Status: http.StatusBadRequest, Message: "bad request: " + invalidA.Message, kind: "InvalidArgument"}
	case errors.As(err, &already):
		return &Error{Status: http.StatusConflict, Message: "the case exists already", kind: "AlreadyStarted"}
	case errors.As(err, &notReady), errors.As(err, &unavail), errors.As(err, &exhausted),
		errors.As(err, &deadline), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &Error{Status: http.StatusServiceUnavailable, Message: "Temporal is unavailable or did not answer in time; try again", kind: "Unavailable"}
	}
	return &Error{Status: http.StatusInternalServerError, Message: "internal error", kind: "Internal"}
}

// refusal is the code and arguments a case's refusal carries in its details; none from
// a worker that refused before refusals had codes.
func refusal(app *temporal.ApplicationError) (words.Code, map[string]string) {
	var m words.Message
	if !app.HasDetails() || app.Details(&m) != nil {
		return "", nil
	}
	return m.Code, m.Args
}

func writeError(w http.ResponseWriter, e *Error) {
	writeJSON(w, e.Status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if vw := valueWriterOf(w); vw != nil && status < 300 {
		vw.WriteValue(v)
		return
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// ValueWriter is the answer of a caller in this process (the web app) that takes a
// 2xx answer's value as it is rather than as JSON: the API answers the same, without
// encoding what the caller would decode again (for a page of 100 tasks, a fifth of
// the web's team list). The caller must treat the value as read-only: its slices may be
// the API's own (the shared case list's). Errors are always written as JSON.
type ValueWriter interface {
	http.ResponseWriter
	WriteValue(v any)
}

// valueWriterOf finds a ValueWriter under w's wrappers (the metrics recorder), or nil.
func valueWriterOf(w http.ResponseWriter) ValueWriter {
	for w != nil {
		if vw, ok := w.(ValueWriter); ok {
			return vw
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return nil
		}
		w = u.Unwrap()
	}
	return nil
}
