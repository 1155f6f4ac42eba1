package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestFavicon: /favicon.ico is the app's icon, not a 404, and every page links it.
func TestFavicon(t *testing.T) {
	f := newFixture(t)
	st, body, h := f.get("/favicon.ico")
	if st != http.StatusOK || h.Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(body, "<svg") {
		t.Fatalf("/favicon.ico: %d %q %.40q", st, h.Get("Content-Type"), body)
	}
	if st, linked, _ := f.get("/static/favicon.svg"); st != http.StatusOK || linked != body {
		t.Errorf("/static/favicon.svg: %d, same icon %v", st, linked == body)
	}
	_, page, _ := f.get("/aanmelden")
	if !strings.Contains(page, `<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">`) {
		t.Error("the sign-in page does not link the icon")
	}
}
