package searchattrs

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
)

// ErrFull is returned when the namespace has no room left for an attribute of one of
// our types (SQL visibility allows a few of each type per namespace, e.g. 3 KeywordList
// on PostgreSQL).
var ErrFull = errors.New("no room for the search attributes")

// fullType turns the server's refusal for want of room into a message that names the
// type, who holds its places and what to do; nil when err is another refusal.
func fullType(err error, missing, existing map[string]enumspb.IndexedValueType) error {
	var bad *serviceerror.InvalidArgument
	if !errors.As(err, &bad) || !strings.Contains(bad.Error(), "cannot have more than") {
		return nil
	}
	for _, typ := range sortedTypes(missing) {
		if !strings.Contains(bad.Error(), "of type "+typ.String()+".") {
			continue
		}
		var ours, others []string
		for name, t := range missing {
			if t == typ {
				ours = append(ours, name)
			}
		}
		for name, t := range existing {
			if t == typ {
				others = append(others, name)
			}
		}
		slices.Sort(ours)
		slices.Sort(others)
		return fmt.Errorf("%w: every %s search attribute of this namespace is taken (by %s); wijkflow still needs %s.\n"+
			"Run wijkflow in a namespace of its own (wijkflow setup --namespace wijkflow --retention 30d), or free a %s place that nothing uses\n"+
			"(temporal operator search-attribute remove --namespace NS --name NAME); the server said: %s",
			ErrFull, typ, orNone(others), strings.Join(ours, ", "), typ, bad.Error())
	}
	return nil
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "attributes this client cannot see"
	}
	return strings.Join(names, ", ")
}

func sortedTypes(m map[string]enumspb.IndexedValueType) []enumspb.IndexedValueType {
	var out []enumspb.IndexedValueType
	for _, t := range m {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

func sortedNames(m map[string]enumspb.IndexedValueType) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
