package worker

import "github.com/wijkflow/wijkflow/internal/crypt"

// sessionPurpose names the session key among the keys derived from a payload key.
const sessionPurpose = "web-session"

// sessionKey seals the web app's session cookies when the operator gives no key of its
// own. It is derived (HKDF) from the newest payload key, so it is kept where those keys
// are kept (`wijkflow dev`: the data dir's keys file, mode 0600), outlives a restart and
// is the same on every worker that shares the payload keys. Adding a payload key ends
// the sessions once; everyone signs in again.
func sessionKey(keys *crypt.Keyring) ([]byte, error) {
	k, _, err := keys.MAC("", sessionPurpose)
	return k, err
}
