package httpapi

import (
	"net/http"
	"strings"
)

// idempotencyKey reads the Idempotency-Key header: given reports whether it was sent.
// A header that is sent must hold a key: blank, too long or with other than visible
// ASCII characters is a 400, never silently "no key".
func idempotencyKey(r *http.Request) (key string, given bool, err error) {
	vals := r.Header.Values("Idempotency-Key")
	if len(vals) == 0 {
		return "", false, nil
	}
	if len(vals) > 1 {
		return "", false, errorf(http.StatusBadRequest, "send one Idempotency-Key header, not %d", len(vals))
	}
	key = vals[0]
	if strings.TrimSpace(key) == "" {
		return "", false, errorf(http.StatusBadRequest, "Idempotency-Key is blank; send a key (e.g. a UUID) or leave the header out")
	}
	if !validKey(key) {
		return "", false, errorf(http.StatusBadRequest, "Idempotency-Key must be 1 to 200 visible ASCII characters")
	}
	return key, true, nil
}
