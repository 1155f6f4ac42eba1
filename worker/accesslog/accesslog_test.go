package accesslog

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

func TestSinks(t *testing.T) {
	e := Entry{At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), User: "u-1", Gemeente: "dalfsen", Case: "case-x", Action: "view", Outcome: OK, Via: "api"}
	var out, logs bytes.Buffer
	file := filepath.Join(t.TempDir(), "access.log")
	for _, setting := range []string{"stdout", "log", file} {
		s, closeFn, err := Open(setting, &out, zerolog.New(&logs))
		if err != nil {
			t.Fatal(err)
		}
		s.Record(e)
		if err := closeFn(); err != nil {
			t.Fatal(err)
		}
	}
	var got Entry
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || got != e {
		t.Errorf("stdout: %s (%v), want %+v", out.Bytes(), err, e)
	}
	if l := logs.String(); !strings.Contains(l, `"event":"access"`) || !strings.Contains(l, `"case":"case-x"`) || !strings.Contains(l, `"user":"u-1"`) {
		t.Errorf("log line %s", l)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &got); err != nil || got != e {
		t.Errorf("file: %s (%v)", b, err)
	}
	st, _ := os.Stat(file)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %04o, want 0600", st.Mode().Perm())
	}
	if _, _, err := Open(filepath.Join(t.TempDir(), "no", "such", "dir"), &out, zerolog.Nop()); err == nil {
		t.Error("a file in a missing folder opened")
	}
}
