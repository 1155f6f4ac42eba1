package definitions

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLaw19Today: copies of three shipped processes as they were before issue 19 (the
// Dalfsen crisis route and Meldcode loop, Utrecht's guard, the Dalfsen Meldcode), with
// only their steps' legal functions added, are refused with the messages in the .want
// beside them; each error cites the article it rests on or, for a referral loop, says how
// to leave the loop.
func TestLaw19Today(t *testing.T) {
	files, err := filepath.Glob("testdata/law19-today/*.yaml")
	if err != nil || len(files) != 3 {
		t.Fatalf("want three copies of before issue 19: %v %v", files, err)
	}
	cites := []string{"Wmo 2015", "Awb", "AVG", "Jeugdwet", "afwegingskader", "outcome:", "not loaded"}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			issues := checkGolden(t, f)
			if issues.Err() == nil {
				t.Error("validate accepts it")
			}
			for _, is := range issues {
				if is.Level != LevelError {
					continue // a warning (a field asked under two labels) need not rest on law
				}
				if line := is.String(); !containsAny(line, cites) {
					t.Errorf("cites no law: %s", line)
				}
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
