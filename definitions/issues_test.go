package definitions

import "testing"

func TestIssueString(t *testing.T) {
	tests := []struct {
		name  string
		issue Issue
		want  string
	}{
		{"full", Issue{"a.yaml", 3, 7, "steps.plan.role", "is required"}, "a.yaml:3:7: steps.plan.role: is required"},
		{"no path", Issue{"a.yaml", 1, 1, "", "the file is empty"}, "a.yaml:1:1: the file is empty"},
		{"no column", Issue{"a.yaml", 4, 0, "", "invalid YAML"}, "a.yaml:4: invalid YAML"},
		{"no place", Issue{"a.yaml", 0, 0, "", "cannot read"}, "a.yaml: cannot read"},
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
		{"b.yaml", 1, 1, "", "b"},
		{"a.yaml", 10, 2, "", "a10"},
		{"a.yaml", 2, 9, "", "a2"},
		{"a.yaml", 2, 3, "", "a2c3"},
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
