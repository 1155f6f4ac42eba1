package worker

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

// A providers file says where the hand-offs of referral steps go:
//
//	providers:
//	  veilig-thuis-ijsselland:
//	    url: https://vt.example.nl/api/overdrachten
//	    token-env: VT_IJSSELLAND_TOKEN     # or token-file: /run/secrets/vt-token
//	    timeout: 15s                       # per call; default 10s
//
// The token is sent as "Authorization: Bearer <token>". It is read from the named
// environment variable or file when the worker starts, never written in the file itself.

// providerKeys are the keys a provider entry may have.
var providerKeys = []string{"url", "token-env", "token-file", "timeout"}

// LoadProviders reads a providers file; getenv reads the environment (os.Getenv in
// cmd). Every problem is reported as file:line:col (definitions.Issues), all at once.
func LoadProviders(path string, getenv func(string) string) (map[string]activities.Provider, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseProviders(path, src, getenv, os.ReadFile)
}

func parseProviders(file string, src []byte, getenv func(string) string, readFile func(string) ([]byte, error)) (map[string]activities.Provider, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&doc); err != nil {
		return nil, definitions.Issues{{File: file, Message: strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	var issues definitions.Issues
	at := func(n *yaml.Node, path, format string, args ...any) {
		issues = append(issues, definitions.Issue{File: file, Line: n.Line, Col: n.Column, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	var list *yaml.Node
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; k.Value != "providers" {
				at(k, "", "unknown key %q; the file has only providers", k.Value)
			} else {
				list = root.Content[i+1]
			}
		}
	}
	if list == nil || list.Kind != yaml.MappingNode {
		at(root, "providers", "must be a mapping of provider ids, e.g. providers: {veilig-thuis: {url: https://…}}")
		return nil, issues
	}
	out := map[string]activities.Provider{}
	for i := 0; i+1 < len(list.Content); i += 2 {
		id, body := list.Content[i], list.Content[i+1]
		path := "providers." + id.Value
		if body.Kind != yaml.MappingNode {
			at(body, path, "must be a mapping with url and optionally token-env or token-file, timeout")
			continue
		}
		var p activities.Provider
		vals := map[string]*yaml.Node{}
		for j := 0; j+1 < len(body.Content); j += 2 {
			k, v := body.Content[j], body.Content[j+1]
			if !slices.Contains(providerKeys, k.Value) {
				at(k, path, "unknown key %q; a provider has %s", k.Value, strings.Join(providerKeys, ", "))
				continue
			}
			vals[k.Value] = v
		}
		if v := vals["url"]; v == nil {
			at(body, path+".url", "is required: where the hand-offs are posted")
		} else if u, err := url.Parse(v.Value); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			at(v, path+".url", "%q is not an http(s) URL", v.Value)
		} else {
			p.URL = v.Value
		}
		env, tf := vals["token-env"], vals["token-file"]
		switch {
		case env != nil && tf != nil:
			at(tf, path+".token-file", "give token-env or token-file, not both")
		case env != nil:
			if tok := strings.TrimSpace(getenv(env.Value)); tok == "" {
				at(env, path+".token-env", "environment variable %s is not set", env.Value)
			} else {
				p.Authorization = "Bearer " + tok
			}
		case tf != nil:
			b, err := readFile(tf.Value)
			if tok := strings.TrimSpace(string(b)); err != nil || tok == "" {
				at(tf, path+".token-file", "cannot read a token from %s", tf.Value)
			} else {
				p.Authorization = "Bearer " + tok
			}
		}
		if v := vals["timeout"]; v != nil {
			d, err := time.ParseDuration(v.Value)
			if err != nil || d < 100*time.Millisecond || d > 5*time.Minute {
				at(v, path+".timeout", "%q is not a timeout from 100ms to 5m; write e.g. 15s", v.Value)
			}
			p.Timeout = d
		}
		out[id.Value] = p
	}
	if len(issues) > 0 {
		slices.SortStableFunc(issues, func(a, b definitions.Issue) int { return a.Line*10000 + a.Col - (b.Line*10000 + b.Col) })
		return nil, issues
	}
	return out, nil
}

// CheckProviders checks that every provider a definition's referral steps hand off to
// is configured; it lists each one that is not, as file: steps.<id>.provider. Run it
// whenever definitions are loaded (at start and on reload): a case must never reach a
// hand-off that has nowhere to go.
func CheckProviders(defs []*definitions.Definition, providers map[string]activities.Provider) error {
	var issues definitions.Issues
	for _, d := range defs {
		for _, s := range d.Steps {
			if s.Kind != definitions.KindReferral || s.Provider == "" {
				continue
			}
			if p, ok := providers[s.Provider]; ok && p.URL != "" {
				continue
			}
			file := d.File
			if file == "" {
				file = d.Gemeente + "/" + d.Process
			}
			issues = append(issues, definitions.Issue{File: file, Path: "steps." + s.ID + ".provider",
				Message: fmt.Sprintf("provider %q is not configured; add it to the providers file (--providers)", s.Provider)})
		}
	}
	return issues.Err()
}
