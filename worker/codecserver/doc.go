// Package codecserver serves Temporal's codec-server protocol (POST …/encode and
// …/decode with a JSON body {"payloads": [...]}) so that the Temporal Web UI and the
// Temporal CLI (--codec-endpoint) can show the encrypted payloads of wijkflow cases.
//
// It decodes only for an authenticated user and only the payloads of cases of that
// user's gemeente: every encrypted payload names the case it belongs to (bound to the
// ciphertext, see internal/crypt), and the case's gemeente is its WijkGemeente search
// attribute, set by the API when the case started. Other payloads are answered as they
// came, still encrypted. Every decode is recorded in the access log, per case.
package codecserver
