package httpapi

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
)

// exactKeys checks that the top-level keys of a JSON object body are spelt exactly as
// the fields of v (a pointer to a struct) are: encoding/json matches them regardless of
// case, so {"DATA": …} would fill Data. Such a key is a 400 that names the right one.
func exactKeys(body []byte, v any) error {
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil {
		return nil // not an object (the decoder accepted it, e.g. an empty struct and {})
	}
	var names []string
	for f := range t.Elem().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		if name != "-" && f.IsExported() {
			names = append(names, name)
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if slices.Contains(names, k) {
			continue
		}
		for _, n := range names {
			if strings.EqualFold(n, k) {
				return errorf(http.StatusBadRequest, "unknown field %q; field names are case-sensitive: write %q", k, n)
			}
		}
	}
	return nil
}
