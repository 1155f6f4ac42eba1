package law

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	hint := func(s string) string {
		return `"` + s + `" is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)`
	}
	tests := []struct {
		in      string
		want    Duration
		wantErr string
	}{
		{"6w", Duration{6, Week}, ""},
		{"42d", Duration{42, Day}, ""},
		{"30wd", Duration{30, WorkingDay}, ""},
		{"6 weken", Duration{6, Week}, ""},
		{"1 week", Duration{1, Week}, ""},
		{"10 werkdagen", Duration{10, WorkingDay}, ""},
		{"1 werkdag", Duration{1, WorkingDay}, ""},
		{"3 dagen", Duration{3, Day}, ""},
		{"1 dag", Duration{1, Day}, ""},
		{"2 uur", Duration{2, Hour}, ""},
		{"2u", Duration{2, Hour}, ""},
		{"15 minuten", Duration{15, Minute}, ""},
		{"90s", Duration{90, Second}, ""},
		{" 6W ", Duration{6, Week}, ""},
		{"6 Weken", Duration{6, Week}, ""},
		{"100000d", Duration{100000, Day}, ""},
		{"", Duration{}, hint("")},
		{"abc", Duration{}, hint("abc")},
		{"6", Duration{}, hint("6")},
		{"w", Duration{}, hint("w")},
		{"6 maanden", Duration{}, hint("6 maanden")},
		{"-3d", Duration{}, hint("-3d")},
		{"1.5w", Duration{}, hint("1.5w")},
		{"1234567d", Duration{}, hint("1234567d")},
		{"6w2d", Duration{}, hint("6w2d")},
		{"0d", Duration{}, `"0d" must be a count from 1 to 100000, e.g. 1d`},
		{"100001wd", Duration{}, `"100001wd" must be a count from 1 to 100000, e.g. 1wd`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tt.wantErr {
				t.Fatalf("ParseDuration(%q) error = %q, want %q", tt.in, gotErr, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseDuration(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDurationStringAndJSON(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"6 weken", "6w"}, {"10 werkdagen", "10wd"}, {"42d", "42d"}, {"2 uur", "2h"}, {"15 min", "15m"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDuration(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.want {
				t.Errorf("String() = %q, want %q", d.String(), tt.want)
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != `"`+tt.want+`"` {
				t.Errorf("json = %s, want %q", b, tt.want)
			}
			var back Duration
			if err := json.Unmarshal(b, &back); err != nil || back != d {
				t.Errorf("round trip = %+v, %v; want %+v", back, err, d)
			}
		})
	}
	var zero Duration
	if b, _ := json.Marshal(zero); string(b) != `""` {
		t.Errorf("zero duration json = %s, want \"\"", b)
	}
	if err := json.Unmarshal([]byte(`"zes weken"`), &zero); err == nil {
		t.Error("unmarshal of a bad duration succeeded")
	}
}

func TestDurationFixedAndApprox(t *testing.T) {
	tests := []struct {
		d      Duration
		fixed  time.Duration
		ok     bool
		approx time.Duration
	}{
		{Duration{90, Second}, 90 * time.Second, true, 90 * time.Second},
		{Duration{15, Minute}, 15 * time.Minute, true, 15 * time.Minute},
		{Duration{2, Hour}, 2 * time.Hour, true, 2 * time.Hour},
		{Duration{3, Day}, 0, false, 72 * time.Hour},
		{Duration{1, Week}, 0, false, 7 * 24 * time.Hour},
		{Duration{5, WorkingDay}, 0, false, 7 * 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.d.String(), func(t *testing.T) {
			f, ok := tt.d.Fixed()
			if f != tt.fixed || ok != tt.ok {
				t.Errorf("Fixed() = %v, %v; want %v, %v", f, ok, tt.fixed, tt.ok)
			}
			if a := tt.d.Approx(); a != tt.approx {
				t.Errorf("Approx() = %v, want %v", a, tt.approx)
			}
		})
	}
}
