package definitions

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

// TestJeugdChildGetsParentByIntake: a referral to jeugdhulp without pass: gives the
// child case what its intake asks; when that is the resident's naam and BSN, the child
// case is about the wrong person. Only the set of files can tell.
func TestJeugdChildGetsParentByIntake(t *testing.T) {
	parent, err := os.ReadFile("testdata/broken/path_jeugd_identity.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(parent), "    pass: [naam, kind_naam, bsn, kind_geboortedatum]\n", "", 1)
	child := strings.NewReplacer("process: wijkteam", "process: specialistische-jeugdhulp",
		"    process: specialistische-jeugdhulp\n", "    provider: jeugdzorgaanbieder\n").Replace(src)
	dir := writeFiles(t, map[string]string{"wijkteam.yaml": src, "jeugd.yaml": child})
	_, issues := LoadFiles(dir)
	f := filepath.Join(dir, "wijkteam.yaml")
	checkIssues(t, issues, []string{
		f + `:30:14: steps.jeugdhulp.process: the child case "specialistische-jeugdhulp" gets "bsn", resident.bsn of this case and not the jeugdige's, because its intake asks it and pass: is missing (Jeugdwet art. 1.1; AVG art. 5 lid 1 c and d); record the child in resident.household (relation: kind) and write pass: with the child's fields`,
		f + `:30:14: steps.jeugdhulp.process: the child case "specialistische-jeugdhulp" gets "naam", resident.name of this case and not the jeugdige's, because its intake asks it and pass: is missing (Jeugdwet art. 1.1; AVG art. 5 lid 1 c and d); record the child in resident.household (relation: kind) and write pass: with the child's fields`,
	})
}

// TestPathLawInDutch: a path problem reads in Dutch with the article and what to write.
func TestPathLawInDutch(t *testing.T) {
	_, issues := LoadFiles("testdata/broken/path_onderzoek.yaml")
	if len(issues) != 1 {
		t.Fatalf("want one issue, got %q", issueLines(issues))
	}
	want := "testdata/broken/path_onderzoek.yaml:41:15: steps.aanvraag.function: triage → plan → aanvraag: " +
		"een beschikking zonder onderzoek na de melding; Wmo 2015 art. 2.3.2 lid 1 en art. 2.3.5: eerst het onderzoek, " +
		"binnen 6 weken na de melding (zie https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.3.2&lid=1); " +
		"zet een stap met function: onderzoek op deze weg, of schrijf bij spoed function: spoedvoorziening (art. 2.3.3) met het onderzoek nog daarna"
	if got := issues[0].In(words.NL); got != want {
		t.Errorf("in Dutch\n got %q\nwant %q", got, want)
	}
}

// TestPathsWithoutFunctionsUnjudged: a process whose steps say no function is not
// judged on its paths (nor its BSN), so only what the steps say is held to the law.
func TestPathsWithoutFunctionsUnjudged(t *testing.T) {
	src, err := os.ReadFile("testdata/broken/path_bsn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.NewReplacer("    function: melding\n", "", "    function: onderzoek\n", "", "    function: aanvraag\n", "").Replace(string(src))
	_, issues := Parse("t.yaml", []byte(plain))
	checkIssues(t, issues, nil)
}

// TestShortestPath: the shortest way to a target through no blocked step, a blocked
// target included; none when every way is blocked.
func TestShortestPath(t *testing.T) {
	succ := [][]int{{1, 2}, {3}, {4}, {}, {3}} // 0→1→3, 0→2→4→3
	next := func(i int) []int { return succ[i] }
	is := func(n int) func(int) bool { return func(i int) bool { return i == n } }
	none := func(int) bool { return false }
	for _, tt := range []struct {
		name    string
		blocked func(int) bool
		want    []int
	}{
		{"shortest", none, []int{0, 1, 3}},
		{"around a blocked step", is(1), []int{0, 2, 4, 3}},
		{"the target may be blocked", is(3), []int{0, 1, 3}},
		{"no way", func(i int) bool { return i == 1 || i == 4 }, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shortestPath([]int{0}, is(3), next, tt.blocked)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// BenchmarkValidate500StepsWithFunctions is BenchmarkValidate500Steps with legal
// functions on the steps (a melding, and every ten steps an onderzoek, a beschikking
// and a bezwaar), so that the path checks walk the graph; compare the two.
func BenchmarkValidate500StepsWithFunctions(b *testing.B) {
	src := string(generated(500))
	src = strings.Replace(src, "    title: Stap 0\n", "    title: Stap 0\n    function: melding\n", 1)
	for i := 1; i < 499; i++ {
		fn := map[int]Function{1: FunctionOnderzoek, 2: FunctionBeschikking, 3: FunctionBezwaar}[i%10]
		if fn != "" {
			title := fmt.Sprintf("    title: Stap %d\n", i)
			src = strings.Replace(src, title, title+"    function: "+string(fn)+"\n", 1)
		}
	}
	if !strings.Contains(src, "function: bezwaar") {
		b.Fatal("no functions added")
	}
	benchValidate(b, []byte(src))
}
