package crypt

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// KeySize is the length of a key in bytes (AES-256).
const KeySize = 32

// Key is one named AES-256 key.
type Key struct {
	// ID names the key in payload metadata; it is not secret.
	ID string
	// Secret is the key itself, KeySize bytes.
	Secret []byte
}

// Keyring holds the keys: every key decrypts, the newest (the last given) encrypts.
type Keyring struct {
	keys   map[string][]byte
	newest string
}

var keyIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// NewKeyring checks the keys (unique ids, KeySize bytes each) and returns a keyring whose
// last key encrypts.
func NewKeyring(keys ...Key) (*Keyring, error) {
	if len(keys) == 0 {
		return nil, errors.New("no keys; give at least one")
	}
	r := &Keyring{keys: map[string][]byte{}}
	for i, k := range keys {
		switch {
		case !keyIDRE.MatchString(k.ID):
			return nil, fmt.Errorf("key %d: id %q must be 1-64 letters, digits, '.', '_' or '-'", i+1, k.ID)
		case len(k.Secret) != KeySize:
			return nil, fmt.Errorf("key %q: %d bytes, want %d (AES-256)", k.ID, len(k.Secret), KeySize)
		case r.keys[k.ID] != nil:
			return nil, fmt.Errorf("key %q is given twice", k.ID)
		}
		r.keys[k.ID] = append([]byte(nil), k.Secret...)
		r.newest = k.ID
	}
	return r, nil
}

// Newest is the id of the key that encrypts new payloads.
func (r *Keyring) Newest() string { return r.newest }

// secret returns the key with id, or nil.
func (r *Keyring) secret(id string) []byte { return r.keys[id] }

// MAC derives a separate key for purpose from the key with id (HKDF-SHA256), so
// encryption and signing never share a key. The empty id means the newest key.
func (r *Keyring) MAC(id, purpose string) (key []byte, keyID string, err error) {
	if id == "" {
		id = r.newest
	}
	s := r.keys[id]
	if s == nil {
		return nil, id, fmt.Errorf("unknown key %q", id)
	}
	k, err := hkdf.Key(sha256.New, s, nil, "wijkflow/"+purpose, 32)
	return k, id, err
}

// Generate returns a new random key named id.
func Generate(id string) Key {
	return Key{ID: id, Secret: randomBytes(KeySize)}
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand)
	return b
}

// ParseKeys reads keys, one per line: "ID BASE64", oldest first; blank lines and lines
// starting with # are skipped. Commas also separate keys, for an environment variable.
func ParseKeys(text string) ([]Key, error) {
	var keys []Key
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, item := range strings.Split(line, ",") {
			id, enc, ok := strings.Cut(strings.TrimSpace(item), " ")
			if !ok {
				return nil, fmt.Errorf("line %d: write \"ID BASE64KEY\"", n+1)
			}
			secret, err := base64.StdEncoding.DecodeString(strings.TrimSpace(enc))
			if err != nil {
				return nil, fmt.Errorf("line %d: key %q is not base64", n+1, id)
			}
			keys = append(keys, Key{ID: id, Secret: secret})
		}
	}
	return keys, nil
}

// FormatKey is the line ParseKeys reads for k.
func FormatKey(k Key) string { return k.ID + " " + base64.StdEncoding.EncodeToString(k.Secret) }

// Parse is ParseKeys followed by NewKeyring.
func Parse(text string) (*Keyring, error) {
	keys, err := ParseKeys(text)
	if err != nil {
		return nil, err
	}
	return NewKeyring(keys...)
}

// LoadFile reads a keys file (see ParseKeys). It refuses a file that others may read.
func LoadFile(path string) (*Keyring, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("keys: %s may be read by others (mode %04o); chmod 600 it", path, st.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	r, err := Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("keys: %s: %w", path, err)
	}
	return r, nil
}

// EnsureFile loads the keys file at path, creating it (mode 0600, one new key) when it
// does not exist; created says which. For `wijkflow dev`.
func EnsureFile(path string, now time.Time) (r *Keyring, created bool, err error) {
	if _, err := os.Stat(path); err == nil {
		r, err := LoadFile(path)
		return r, false, err
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, false, fmt.Errorf("keys: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("keys: %w", err)
	}
	k := Generate("k" + now.UTC().Format("20060102t150405"))
	text := "# wijkflow payload keys, oldest first; the last one encrypts. Keep this file secret.\n" + FormatKey(k) + "\n"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("keys: %w", err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return nil, false, fmt.Errorf("keys: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, false, fmt.Errorf("keys: %w", err)
	}
	r, err = NewKeyring(k)
	return r, true, err
}
