package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// decodeBody reads one JSON value into v: at most maxBody bytes, no unknown fields, no
// trailing data. An empty body counts as {} when emptyOK.
func decodeBody(w http.ResponseWriter, r *http.Request, v any, emptyOK bool) error {
	body := http.MaxBytesReader(w, r.Body, maxBody)
	// A copy of what the decoder read, for exactKeys.
	var raw bytes.Buffer
	dec := json.NewDecoder(io.TeeReader(body, &raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if errors.Is(err, io.EOF) {
		if emptyOK {
			return nil
		}
		return errorf(http.StatusBadRequest, "the body is empty; send a JSON object")
	}
	if err == nil {
		if _, terr := dec.Token(); !errors.Is(terr, io.EOF) {
			err = errors.New("more than one JSON value in the body")
			var mbe *http.MaxBytesError
			if errors.As(terr, &mbe) {
				err = terr
			}
		}
	}
	if err == nil {
		return exactKeys(raw.Bytes(), v)
	}
	var (
		mbe *http.MaxBytesError
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return errorf(http.StatusRequestTimeout, "the body did not arrive in time")
	case errors.As(err, &mbe):
		return errorf(http.StatusRequestEntityTooLarge, "the body is larger than %d bytes", maxBody)
	case errors.As(err, &syn):
		return errorf(http.StatusBadRequest, "malformed JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return errorf(http.StatusBadRequest, "the body must be a JSON object")
		}
		return errorf(http.StatusBadRequest, "%s: must be %s, not %s", typ.Field, jsonType(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(http.StatusBadRequest, "malformed JSON: the body ends too early")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return errorf(http.StatusBadRequest, "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return errorf(http.StatusBadRequest, "malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonType names a Go kind the way a JSON client thinks of it.
func jsonType(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "map", "struct":
		return "an object"
	case "slice", "array":
		return "an array"
	case "bool":
		return "true or false"
	}
	return fmt.Sprintf("a %s", kind)
}

// decodeData reads a body {"data": {...}}, as a task's form and an event bring it; no
// data is an empty form. emptyOK allows no body at all, as for decodeBody.
func decodeData(w http.ResponseWriter, r *http.Request, emptyOK bool) (map[string]any, error) {
	var body struct {
		Data map[string]any `json:"data"`
	}
	if err := decodeBody(w, r, &body, emptyOK); err != nil {
		return nil, err
	}
	if body.Data == nil {
		return map[string]any{}, nil
	}
	return body.Data, nil
}
