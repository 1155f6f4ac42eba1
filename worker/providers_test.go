package worker

import (
	"errors"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

func TestParseProviders(t *testing.T) {
	env := map[string]string{"VT_TOKEN": "geheim\n"}
	files := map[string]string{"/run/ggz": "ggz-token"}
	getenv := func(k string) string { return env[k] }
	readFile := func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no such file")
	}
	good := `providers:
  veilig-thuis: {url: "https://vt.example.nl/in", token-env: VT_TOKEN, timeout: 15s}
  ggz: {url: "http://ggz.local/in", token-file: /run/ggz}
  plain: {url: "https://p.example.nl/"}
`
	got, err := parseProviders("providers.yaml", []byte(good), getenv, readFile)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]activities.Provider{
		"veilig-thuis": {URL: "https://vt.example.nl/in", Authorization: "Bearer geheim", Timeout: 15 * time.Second},
		"ggz":          {URL: "http://ggz.local/in", Authorization: "Bearer ggz-token"},
		"plain":        {URL: "https://p.example.nl/"},
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %+v, want %+v", k, got[k], w)
		}
	}
	bad := `providers:
  a: {url: "ftp://x", token-env: MISSING}
  b: {token-file: /nope, timeout: 1h}
  c: {url: "https://c", token-env: VT_TOKEN, token-file: /run/ggz, headers: x}
`
	_, err = parseProviders("providers.yaml", []byte(bad), getenv, readFile)
	wantLines := []string{
		`providers.yaml:2:12: providers.a.url: "ftp://x" is not an http(s) URL`,
		`providers.yaml:2:34: providers.a.token-env: environment variable MISSING is not set`,
		`providers.yaml:3:6: providers.b.url: is required: where the hand-offs are posted`,
		`providers.yaml:3:19: providers.b.token-file: cannot read a token from /nope`,
		`providers.yaml:3:35: providers.b.timeout: "1h" is not a timeout from 100ms to 5m; write e.g. 15s`,
		`providers.yaml:4:58: providers.c.token-file: give token-env or token-file, not both`,
		`providers.yaml:4:68: providers.c: unknown key "headers"; a provider has url, token-env, token-file, timeout`,
	}
	var issues definitions.Issues
	if !errors.As(err, &issues) || len(issues) != len(wantLines) {
		t.Fatalf("issues:\n%v\nwant %d", err, len(wantLines))
	}
	for i, is := range issues {
		if is.String() != wantLines[i] {
			t.Errorf("issue %d:\n got %s\nwant %s", i, is, wantLines[i])
		}
	}
}

func TestCheckProviders(t *testing.T) {
	defs, issues := definitions.LoadDir("../definitions")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	all := map[string]activities.Provider{}
	for _, d := range defs {
		for _, s := range d.Steps {
			if s.Provider != "" {
				all[s.Provider] = activities.Provider{URL: "https://x.example.nl/"}
			}
		}
	}
	if err := CheckProviders(defs, all); err != nil {
		t.Fatalf("all configured: %v", err)
	}
	delete(all, "veilig-thuis-ijsselland")
	err := CheckProviders(defs, all)
	want := "../definitions/dalfsen-veilig-thuis.yaml: steps.direct-melden.provider: provider \"veilig-thuis-ijsselland\" is not configured; add it to the providers file (--providers)"
	if err == nil || !containsLine(err.Error(), want) {
		t.Errorf("error:\n%v\nwant a line\n%s", err, want)
	}
}

func containsLine(s, line string) bool {
	for _, l := range splitLines(s) {
		if l == line {
			return true
		}
	}
	return false
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
