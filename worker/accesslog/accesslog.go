package accesslog

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// Entry is one access.
type Entry struct {
	At       time.Time `json:"at"`
	User     string    `json:"user"`
	Gemeente string    `json:"gemeente,omitempty"`
	Case     string    `json:"case,omitempty"`
	Task     string    `json:"task,omitempty"`
	// Action is what was done: view, decode, create, complete, claim, suspend, erase, …
	Action string `json:"action"`
	// Outcome is "ok" or "denied" (the caller may not), or "failed".
	Outcome string `json:"outcome"`
	// Via is the door it came through: api, codec, cli.
	Via string `json:"via"`
}

// Outcomes of an Entry.
const (
	OK     = "ok"
	Denied = "denied"
	Failed = "failed"
)

// Sink receives access entries. Record must not block for long and is safe for
// concurrent use.
type Sink interface {
	Record(Entry)
}

// JSONLines writes one JSON object per line.
type JSONLines struct {
	mu sync.Mutex
	w  io.Writer
}

// NewJSONLines writes entries to w.
func NewJSONLines(w io.Writer) *JSONLines { return &JSONLines{w: w} }

// Record writes e as one line.
func (j *JSONLines) Record(e Entry) {
	b, err := json.Marshal(e)
	if err != nil {
		return // an Entry of strings and a time always marshals
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.w.Write(append(b, '\n'))
}

// Log writes entries to a structured log as event=access lines.
type Log struct{ L zerolog.Logger }

// Record writes e as one log line.
func (l Log) Record(e Entry) {
	ev := l.L.Info().Str("event", "access").Time("at", e.At).Str("user", e.User).Str("action", e.Action).
		Str("outcome", e.Outcome).Str("via", e.Via)
	if e.Gemeente != "" {
		ev = ev.Str("gemeente", e.Gemeente)
	}
	if e.Case != "" {
		ev = ev.Str("case", e.Case)
	}
	if e.Task != "" {
		ev = ev.Str("task", e.Task)
	}
	ev.Msg("access")
}

// Open returns the sink a setting names and a function that closes it: "" or "log" is
// log, "stdout" is stdout, anything else a file appended to (created with mode 0600).
func Open(setting string, stdout io.Writer, log zerolog.Logger) (Sink, func() error, error) {
	switch setting {
	case "", "log":
		return Log{L: log}, func() error { return nil }, nil
	case "stdout":
		return NewJSONLines(stdout), func() error { return nil }, nil
	}
	f, err := os.OpenFile(setting, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("access log: %w", err)
	}
	return NewJSONLines(f), f.Close, nil
}
