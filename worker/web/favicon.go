package web

import "net/http"

// favicon answers /favicon.ico, which browsers ask for whatever the page links, with
// the app's SVG icon (static/favicon.svg), so the request is not a 404 in every log.
func favicon(w http.ResponseWriter, r *http.Request) {
	icon, err := staticFS.ReadFile("static/favicon.svg")
	if err != nil {
		http.NotFound(w, r) // a build without the icon; never the case with go:embed
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	_, _ = w.Write(icon)
}
