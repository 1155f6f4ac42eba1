package web

import (
	"crypto/subtle"
	"net/http"
)

// Forms are guarded against cross-site requests twice:
//
//   - http.CrossOriginProtection refuses every state-changing request (POST and the
//     like) that a browser marks as coming from another origin: Sec-Fetch-Site other
//     than same-origin or none, or, from a browser too old to send that, an Origin
//     header that is not this host. It needs no token and covers every form, the
//     sign-in and sign-out included, also with JavaScript off.
//   - The session's CSRF secret in every form (checkCSRF) stays as the second line, for
//     the requests CrossOriginProtection lets through because they carry neither header
//     (a browser from before 2020, a proxy that strips them), and since it costs nothing.
//
// SameSite=Lax on the session cookie keeps it off cross-site POSTs as a third.

// crossOriginRefusal is the Dutch text of a refused cross-origin form.
const crossOriginRefusal = "Het formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw en probeer het nog eens."

// crossOrigin puts http.CrossOriginProtection in front of h, answering a refusal with
// the app's error page.
func (a *app) crossOrigin(h http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.errorPage(w, r, nil, http.StatusForbidden, crossOriginRefusal)
	}))
	return p.Handler(h)
}

// checkCSRF reports whether a POST carries the session's CSRF secret.
func checkCSRF(r *http.Request, s session) bool {
	got := r.PostFormValue("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.CSRF)) == 1
}
