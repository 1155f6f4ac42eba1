package web

import (
	"fmt"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// The task API and the workflow speak English to programs and say each refusal and
// problem also as a code with arguments; a worker reads the catalogue's Dutch for it
// (internal/words). A message without a code, from an answer recorded before codes,
// is shown as it is rather than hidden.
func sayNL(code words.Code, args map[string]string, english string) string {
	if code == "" {
		return strings.TrimSpace(english)
	}
	return definitions.SayRule(words.Message{Code: code, Args: args}, words.NL)
}

// valueNL shows a form answer: ja/nee, a Dutch date, options by their labels, a list
// joined by commas.
func valueNL(f *definitions.Field, v any) string {
	if s, ok := v.(string); ok && f != nil && len(f.Options) > 0 {
		return f.OptionLabel(s)
	}
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return "ja"
		}
		return "nee"
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = fmt.Sprint(p)
			if f != nil && len(f.Options) > 0 {
				parts[i] = f.OptionLabel(parts[i])
			}
		}
		return strings.Join(parts, ", ")
	case string:
		if f != nil && f.Type == definitions.FieldDate {
			if d := dateNL(x); d != "" {
				return d
			}
		}
		return x
	case float64:
		return strings.Replace(fmt.Sprint(x), ".", ",", 1)
	}
	return fmt.Sprint(v)
}
