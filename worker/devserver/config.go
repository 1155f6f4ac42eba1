package devserver

import (
	"time"

	"github.com/rs/zerolog"
)

// Defaults applied by Start to zero Config fields.
const (
	// DefaultNamespace is the namespace created when Config.Namespace is empty.
	DefaultNamespace = "default"
	// DefaultRetention keeps closed cases visible for 30 days; the dev server's own default
	// (24 h) would make a closed case vanish the next day.
	DefaultRetention = 30 * 24 * time.Hour
	// MinRetention is the shortest retention the server accepts.
	MinRetention = 24 * time.Hour
)

// Config says where the dev server keeps its data and where it listens.
type Config struct {
	// DataDir holds temporal.db (the SQLite file) and temporal.log (the server's warnings).
	// Empty means an in-memory database that is gone when the server stops.
	DataDir string
	// Port is the frontend's gRPC port on 127.0.0.1; 0 picks a free port.
	Port int
	// UIPort is the Web UI's port on 127.0.0.1; 0 picks a free port, a negative value
	// runs no UI.
	UIPort int
	// Namespace is created if missing and opened in the UI; empty means "default".
	Namespace string
	// Retention is how long closed workflows stay; zero means DefaultRetention.
	Retention time.Duration
	// Logger receives progress messages (the server's own log goes to temporal.log).
	Logger zerolog.Logger
	// CodecEndpoint is the codec server the Web UI decodes payloads through (wijkflow's
	// /codec); the UI passes the user's access token and cookies to it. Empty: the UI
	// shows payloads as they are stored, encrypted.
	CodecEndpoint string
	// CodecSignIn is where the UI sends a user whose browser may not decode (the web
	// app's sign-in page); its message says to sign in there.
	CodecSignIn string
	// AllowUIActions lets the Web UI terminate, reset, cancel, signal, update and start
	// workflows; off, its server refuses every write (only queries pass), since those
	// actions bypass the task API's checks and can break a case.
	AllowUIActions bool
	// CaseAttributes registers wijkflow's case search attributes in Namespace at start.
	// Until they are known to every service the server reads the attributes anew on
	// every use (as the CLI's dev server always does, about 5% of its CPU); with this set
	// it caches them from then on (see dynamicConfig).
	CaseAttributes bool
}

// withDefaults fills the zero fields.
func (c Config) withDefaults() Config {
	if c.Namespace == "" {
		c.Namespace = DefaultNamespace
	}
	if c.Retention == 0 {
		c.Retention = DefaultRetention
	}
	return c
}
