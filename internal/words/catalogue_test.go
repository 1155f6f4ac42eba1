package words

import (
	"slices"
	"testing"
)

// TestEveryCodeHasBothTexts walks the catalogue: every code has a Dutch and an English
// text, and both use the same arguments.
func TestEveryCodeHasBothTexts(t *testing.T) {
	for _, c := range Codes() {
		x, _ := Lookup(c)
		if x.NL == "" || x.EN == "" {
			t.Errorf("%s: missing text (nl %q, en %q)", c, x.NL, x.EN)
			continue
		}
		nl, en := Params(x.NL), Params(x.EN)
		slices.Sort(nl)
		slices.Sort(en)
		if !slices.Equal(slices.Compact(nl), slices.Compact(en)) {
			t.Errorf("%s: arguments differ: nl %v, en %v", c, nl, en)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		tmpl string
		args map[string]string
		l    Lang
		want string
	}{
		{"verlengd met {by:duration}", map[string]string{"by": "2w"}, NL, "verlengd met 2 weken"},
		{"extended by {by:duration}", map[string]string{"by": "1wd"}, EN, "extended by 1 working day"},
		{"{n:duration}", map[string]string{"n": "10wd"}, NL, "10 werkdagen"},
		{"{n:duration}", map[string]string{"n": "1d"}, NL, "1 dag"},
		{"{n:duration}", map[string]string{"n": "3h"}, NL, "3 uur"},
		{"{n:duration}", map[string]string{"n": "0d"}, NL, "minder dan een dag"},
		{"{n:duration}", map[string]string{"n": "0wd"}, EN, "less than a working day"},
		{"{n:duration}", map[string]string{"n": "soon"}, NL, "soon"},
		{"kies uit: {opts:list}", map[string]string{"opts": "a,b,c"}, NL, "kies uit: a, b en c"},
		{"{v:quote} is wrong", map[string]string{"v": "x"}, EN, `"x" is wrong`},
		{"uiterlijk {d:date}", map[string]string{"d": "2026-04-13"}, NL, "uiterlijk 13 april 2026"},
		{"due {d:date}", map[string]string{"d": "2026-04-13"}, EN, "due 13 April 2026"},
		{"{d:date}", map[string]string{"d": "soon"}, EN, "soon"},
		{"no args", nil, NL, "no args"},
		{"{missing} stays empty", nil, NL, " stays empty"},
	}
	for _, tt := range tests {
		t.Run(tt.tmpl, func(t *testing.T) {
			if got := expand(tt.tmpl, tt.l, tt.args); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnknownCodeShowsItself(t *testing.T) {
	m := Msg("nope.unknown", "a", "1")
	if got := m.NL(); got != "nope.unknown (a=1)" {
		t.Errorf("got %q", got)
	}
}
