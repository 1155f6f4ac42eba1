package workflows

import (
	"reflect"
	"testing"
	"time"
)

// TestFactsHoldNoPersonalData walks the facts record's types: only ids and codes
// (FactID), times, counts and flags, in structs and slices. A plain string, a map or
// an interface could carry a name, free text or an answer, and would be published
// unencrypted (crypt.Public).
func TestFactsHoldNoPersonalData(t *testing.T) {
	allowed := map[reflect.Type]bool{
		reflect.TypeFor[FactID](): true, reflect.TypeFor[time.Time](): true,
		reflect.TypeFor[int](): true, reflect.TypeFor[bool](): true,
	}
	var walk func(path string, ty reflect.Type)
	walk = func(path string, ty reflect.Type) {
		switch {
		case allowed[ty]:
		case ty.Kind() == reflect.Slice || ty.Kind() == reflect.Pointer:
			walk(path+"[]", ty.Elem())
		case ty.Kind() == reflect.Struct && ty.PkgPath() == reflect.TypeFor[Facts]().PkgPath():
			for i := range ty.NumField() {
				f := ty.Field(i)
				walk(path+"."+f.Name, f.Type)
			}
		default:
			t.Errorf("%s is a %s: the facts hold only FactID, time.Time, int and bool", path, ty)
		}
	}
	walk("Facts", reflect.TypeFor[Facts]())
}
