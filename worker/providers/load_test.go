package providers

import (
	"errors"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

func TestParse(t *testing.T) {
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
	got, err := parse("providers.yaml", []byte(good), getenv, readFile)
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
	_, err = parse("providers.yaml", []byte(bad), getenv, readFile)
	wantLines := []string{
		`providers.yaml:2:12: providers.a.url: "ftp://x" is not an http(s) URL`,
		`providers.yaml:2:34: providers.a.token-env: environment variable MISSING is not set`,
		`providers.yaml:3:3: providers.b.url: is required: where the hand-offs are posted`,
		`providers.yaml:3:19: providers.b.token-file: cannot read a token from /nope`,
		`providers.yaml:3:35: providers.b.timeout: "1h" is not a timeout from 100ms to 5m; write e.g. 15s`,
		`providers.yaml:4:58: providers.c.token-file: give token-env or token-file, not both`,
		`providers.yaml:4:68: providers.c.headers: unknown key "headers"; write one of: url, token-env, token-file, timeout`,
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

func TestParseFileShape(t *testing.T) {
	none := func(string) string { return "" }
	tests := []struct{ name, src, want string }{
		{"no providers", "other: 1\n", "p.yaml:1:1: other: unknown key \"other\"; write one of: providers\n" +
			"p.yaml:1:1: providers: is required: a mapping of provider ids, like providers: {veilig-thuis: {url: https://…}}"},
		{"a list", "providers: [a]\n", `p.yaml:1:12: providers: expected a mapping of provider ids, like {veilig-thuis: {url: https://…}}, not a list`},
		{"a provider not a mapping", "providers:\n  a: https://a\n", `p.yaml:2:6: providers.a: expected a provider: a mapping with url and optionally token-env or token-file, timeout, not "https://a"`},
		{"a provider twice", "providers:\n  a: {url: https://a}\n  a: {url: https://b}\n", `p.yaml:3:3: providers.a: "a" is already defined on line 2; keep one`},
		{"not a mapping", "- a\n", "p.yaml:1:1: a providers file is a mapping with providers, like providers: {veilig-thuis: {url: https://…}}, not a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("p.yaml", []byte(tt.src), none, nil)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}
