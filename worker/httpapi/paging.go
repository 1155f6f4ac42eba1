package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

const (
	defaultPageSize = 50
	maxPageSize     = 1000
)

// page is the paging of a list call: pageSize cases per answer, and the opaque token
// of the next page (Temporal's, base64url-encoded).
type page struct {
	size  int
	token []byte
}

func parsePage(q url.Values) (page, error) {
	p := page{size: defaultPageSize}
	if s := q.Get("pageSize"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPageSize {
			return p, errorf(http.StatusBadRequest, "pageSize must be a number from 1 to %d", maxPageSize)
		}
		p.size = n
	}
	if s := q.Get("pageToken"); s != "" {
		b, ok := decodeToken(s)
		if !ok {
			return p, errorf(http.StatusBadRequest, "pageToken is not a token this API handed out; pass nextPageToken unchanged")
		}
		p.token = b
	}
	return p, nil
}

// tokenCheck is the length of the checksum in front of a page token.
const tokenCheck = 8

// encodeToken wraps Temporal's page token with a checksum, so that a token the API did
// not hand out (garbage, a truncated copy) is a 400 here instead of an internal error
// that Temporal logs with stack traces and the client retries for seconds.
func encodeToken(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	sum := sha256.Sum256(b)
	return base64.RawURLEncoding.EncodeToString(append(sum[:tokenCheck:tokenCheck], b...))
}

// decodeToken unwraps a token of encodeToken; ok is false for anything else.
func decodeToken(s string) ([]byte, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) <= tokenCheck {
		return nil, false
	}
	b := raw[tokenCheck:]
	sum := sha256.Sum256(b)
	return b, subtle.ConstantTimeCompare(sum[:tokenCheck], raw[:tokenCheck]) == 1
}

// checkParams rejects query parameters the route does not know, so a typo such as
// ?stalld=true is a 400 instead of a silently unfiltered list.
func checkParams(q url.Values, known ...string) error {
	for _, k := range slices.Sorted(maps.Keys(q)) {
		ok := false
		for _, n := range known {
			ok = ok || k == n
		}
		if !ok {
			return errorf(http.StatusBadRequest, "unknown query parameter %q; this call takes %v", k, known)
		}
	}
	return nil
}
