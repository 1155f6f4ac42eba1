package definitions

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

func TestIssueString(t *testing.T) {
	tests := []struct {
		name  string
		issue Issue
		want  string
	}{
		{"full", Issue{File: "a.yaml", Line: 3, Col: 7, Path: "steps.plan.role", Message: "is required"}, "a.yaml:3:7: steps.plan.role: is required"},
		{"no path", Issue{File: "a.yaml", Line: 1, Col: 1, Path: "", Message: "the file is empty"}, "a.yaml:1:1: the file is empty"},
		{"no column", Issue{File: "a.yaml", Line: 4, Col: 0, Path: "", Message: "invalid YAML"}, "a.yaml:4: invalid YAML"},
		{"no place", Issue{File: "a.yaml", Line: 0, Col: 0, Path: "", Message: "cannot read"}, "a.yaml: cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.issue.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIssuesSortedAndError(t *testing.T) {
	is := Issues{
		{File: "b.yaml", Line: 1, Col: 1, Path: "", Message: "b"},
		{File: "a.yaml", Line: 10, Col: 2, Path: "", Message: "a10"},
		{File: "a.yaml", Line: 2, Col: 9, Path: "", Message: "a2"},
		{File: "a.yaml", Line: 2, Col: 3, Path: "", Message: "a2c3"},
	}
	sortIssues(is)
	want := "a.yaml:2:3: a2c3\na.yaml:2:9: a2\na.yaml:10:2: a10\nb.yaml:1:1: b"
	if got := is.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if Issues(nil).Err() != nil {
		t.Error("no issues must be a nil error")
	}
	if is.Err() == nil {
		t.Error("issues must be an error")
	}
}

func TestTooManyIssues(t *testing.T) {
	r := newReport("a.yaml")
	for range maxIssues + 5 {
		r.at("x", "problem")
	}
	if len(r.issues) != maxIssues+1 || r.issues[maxIssues].Message != "more than 1000 problems; fix these and run validate again" {
		t.Errorf("%d issues, last %q", len(r.issues), r.issues[len(r.issues)-1].Message)
	}
}

// TestIssueIn checks that a problem from the catalogue reads in Dutch, with its hint,
// and in English exactly as its Message.
func TestIssueIn(t *testing.T) {
	_, is := Parse("t.yaml", []byte(head+`  a: {kind: taks, next: [{goto: b}]}
  b: {kind: end}
`))
	want := []string{
		`t.yaml:8:13: steps.a.kind: "taks" moet een van deze zijn: task, decision, wait, notify, referral, parallel, join, end; bedoelde je "task"?`,
		`t.yaml:9:3: steps.b.result: een eindstap heeft een resultaat nodig, bijvoorbeeld result: afgerond`,
	}
	if len(is) != len(want) {
		t.Fatalf("issues: %q", issueLines(is))
	}
	for n, i := range is {
		if got := i.In(words.NL); got != want[n] {
			t.Errorf("in Dutch:\n got %q\nwant %q", got, want[n])
		}
		if i.In(words.EN) != i.String() {
			t.Errorf("in English %q, as Message %q", i.In(words.EN), i.String())
		}
	}
}

// TestIssuesInEnglishAsBefore renders every problem of the broken test files from its
// code and checks that it reads exactly as the Message the golden files hold.
func TestIssuesInEnglishAsBefore(t *testing.T) {
	files, _ := filepath.Glob("testdata/broken/*.yaml")
	coded := 0
	for _, f := range files {
		_, is := LoadFiles(f)
		for _, i := range is {
			if i.Problem.Code == "" {
				continue
			}
			coded++
			if i.In(words.EN) != i.String() {
				t.Errorf("%s: from its code %q, as Message %q", f, i.In(words.EN), i.String())
			}
		}
	}
	if coded == 0 {
		t.Error("no problem of the broken files has a code")
	}
}

// TestWordOperatorInDutch checks that an operator written as a word is said in Dutch
// with the operator to write instead.
func TestWordOperatorInDutch(t *testing.T) {
	_, is := Parse("t.yaml", []byte(head+`  a: {kind: task, role: wijkcoach, form: {x: {type: bool}}, next: [{when: x and x, goto: b}, {goto: b}]}
  b: {kind: end, result: klaar}
`))
	if len(is) != 1 {
		t.Fatalf("issues: %q", issueLines(is))
	}
	want := "kolom 3: schrijf && in plaats van and"
	if got := is[0].In(words.NL); !strings.HasSuffix(got, want) {
		t.Errorf("in Dutch %q, want it to end in %q", got, want)
	}
}
