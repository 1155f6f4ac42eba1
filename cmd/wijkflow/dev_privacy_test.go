//go:build !nodev

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/crypt"
)

var codecLine = regexp.MustCompile(`Codec endpoint (\S+)`)

// TestDevWiresKeysCodecAndUI: dev creates its key (0600) once, prints its codec
// endpoint, gives it to the embedded Web UI with the browser's cookies passed on, and
// turns the UI's write actions off unless asked.
func TestDevWiresKeysCodecAndUI(t *testing.T) {
	dir := t.TempDir()
	ports := freePorts(t, 2)
	args := []string{"dev", "--data-dir", dir, "--definitions", "../../definitions", "--demo=false",
		"--temporal-port", ports[0], "--ui-port", ports[1], "--api-addr", "127.0.0.1:0"}
	r := start(t, args...)
	r.waitOutput(t, "Ctrl-C stops")
	out := r.stdout.String()
	if !strings.Contains(out, "created payload key ") {
		t.Errorf("no key created:\n%s", out)
	}
	st, err := os.Stat(filepath.Join(dir, "keys"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("keys file: %v, mode %v", err, st)
	}
	if _, err := crypt.LoadFile(filepath.Join(dir, "keys")); err != nil {
		t.Fatal(err)
	}
	m := codecLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no codec endpoint in:\n%s", out)
	}
	resp, err := http.Get("http://127.0.0.1:" + ports[1] + "/api/v1/settings")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var settings struct {
		Codec struct {
			Endpoint           string
			PassAccessToken    bool
			IncludeCredentials bool
			DefaultErrorLink   string
		}
		DisableWriteActions bool
	}
	if err := json.Unmarshal(body, &settings); err != nil {
		t.Fatalf("UI settings %s: %v", body, err)
	}
	if settings.Codec.DefaultErrorLink != strings.TrimSuffix(m[1], "/codec")+"/aanmelden" {
		t.Errorf("UI codec error link %q, want the web app's sign-in", settings.Codec.DefaultErrorLink)
	}
	if settings.Codec.Endpoint != m[1] || settings.Codec.PassAccessToken || !settings.Codec.IncludeCredentials || !settings.DisableWriteActions {
		t.Errorf("UI settings %s; want codec %s with credentials (no token: plain http), write actions off", body, m[1])
	}
	resp, err = http.Post(m[1]+"/decode", "application/json", strings.NewReader(`{"payloads":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("decode without a token: %s, want 401", resp.Status)
	}
	r.stop(t)

	second := start(t, args...)
	second.waitOutput(t, "Ctrl-C stops")
	if strings.Contains(second.stdout.String(), "created payload key") {
		t.Error("the second start created another key")
	}
}
