package providers

import (
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/yamldoc"
)

// file is the shape of a providers file; the values are checked after decoding.
type file struct {
	Providers map[string]entry `yaml:"providers"`
}

// entry is one provider as written.
type entry struct {
	URL       string `yaml:"url"`
	TokenEnv  string `yaml:"token-env"`
	TokenFile string `yaml:"token-file"`
	Timeout   string `yaml:"timeout"`
}

// providersKind names the providers file in the messages about the file as a whole.
var providersKind = yamldoc.Kind{
	Name:    "providers mapping",
	Start:   "a providers file starts with providers:",
	Mapping: "a providers file is a mapping with providers, like providers: {veilig-thuis: {url: https://…}}",
}

// Load reads a providers file; getenv reads the environment (os.Getenv in cmd). Every
// problem is reported as file:line:col (definitions.Issues), all at once.
func Load(path string, getenv func(string) string) (map[string]activities.Provider, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parse(path, src, getenv, os.ReadFile)
}

func parse(name string, src []byte, getenv func(string) string, readFile func(string) ([]byte, error)) (map[string]activities.Provider, error) {
	dec := &yamldoc.Decoder{Describe: describe}
	var f file
	out := map[string]activities.Provider{}
	if dec.DecodeFile(src, providersKind, &f) {
		if !dec.Has("providers") {
			dec.At("providers", "is required: a mapping of provider ids, like providers: {veilig-thuis: {url: https://…}}")
		}
		for id, e := range f.Providers {
			out[id] = check(dec.Doc, "providers."+id, e, getenv, readFile)
		}
	}
	if len(dec.Problems) > 0 {
		return nil, definitions.IssuesOf(name, dec.Sorted())
	}
	return out, nil
}

// check turns one entry into a Provider, reading its token, and reports what is wrong
// with it at path.
func check(doc *yamldoc.Doc, path string, e entry, getenv func(string) string, readFile func(string) ([]byte, error)) activities.Provider {
	var p activities.Provider
	if !doc.Has(path + ".url") {
		doc.Fail(path+".url", "is required: where the hand-offs are posted")
	} else if u, err := url.Parse(e.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		doc.Fail(path+".url", fmt.Sprintf("%q is not an http(s) URL", e.URL))
	} else {
		p.URL = e.URL
	}
	env, tf := doc.Has(path+".token-env"), doc.Has(path+".token-file")
	switch {
	case env && tf:
		doc.Fail(path+".token-file", "give token-env or token-file, not both")
	case env:
		if tok := strings.TrimSpace(getenv(e.TokenEnv)); tok == "" {
			doc.Fail(path+".token-env", fmt.Sprintf("environment variable %s is not set", e.TokenEnv))
		} else {
			p.Authorization = "Bearer " + tok
		}
	case tf:
		b, err := readFile(e.TokenFile)
		if tok := strings.TrimSpace(string(b)); err != nil || tok == "" {
			doc.Fail(path+".token-file", fmt.Sprintf("cannot read a token from %s", e.TokenFile))
		} else {
			p.Authorization = "Bearer " + tok
		}
	}
	if doc.Has(path + ".timeout") {
		d, err := time.ParseDuration(e.Timeout)
		if err != nil || d < 100*time.Millisecond || d > 5*time.Minute {
			doc.Fail(path+".timeout", fmt.Sprintf("%q is not a timeout from 100ms to 5m; write e.g. 15s", e.Timeout))
		}
		p.Timeout = d
	}
	return p
}

// describe names the values of a providers file for "expected …, not …".
func describe(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[map[string]entry]():
		return "a mapping of provider ids, like {veilig-thuis: {url: https://…}}"
	case reflect.TypeFor[entry]():
		return "a provider: a mapping with url and optionally token-env or token-file, timeout"
	}
	return ""
}
