package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/wijkflow/wijkflow/internal/words"
)

// signInData is the sign-in page: demo users to choose from (dev), or a token field.
type signInData struct {
	Demo  []demoChoice
	Back  string
	Error string
	OIDC  string // the provider's name when it signs users in
}

// demoChoice is a demo user on the sign-in page: the name and the teams in words.
type demoChoice struct {
	ID, Name, Teams string
}

// demoChoices are the demo users as the sign-in page lists them.
func (a *app) demoChoices() []demoChoice {
	var out []demoChoice
	for _, u := range a.cfg.DemoUsers {
		var teams []string
		for _, t := range u.Teams {
			teams = append(teams, a.teamLabel(u.Gemeente, t, nil))
		}
		out = append(out, demoChoice{ID: u.ID, Name: u.Name, Teams: words.List(teams, words.NL)})
	}
	return out
}

func (a *app) signInPage(w http.ResponseWriter, r *http.Request) {
	s := a.sessionOf(w, r)
	d := signInData{Demo: a.demoChoices(), Back: safeBack(r.URL.Query().Get("terug"))}
	if a.cfg.Login != nil {
		d.OIDC = a.cfg.Login.Name
		if d.OIDC == "" {
			d.OIDC = "de inlogdienst"
		}
	}
	a.render(w, http.StatusOK, "signin", nil, page{Title: "Aanmelden", CSRF: s.CSRF, Data: d})
}

// signIn starts a session for the chosen demo user, or for the API token given. The
// token is checked by the API's own authenticator before the session is sealed.
func (a *app) signIn(w http.ResponseWriter, r *http.Request) {
	s := a.sessionOf(w, r)
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	if !checkCSRF(r, s) {
		a.errorPage(w, r, nil, http.StatusForbidden, "Het formulier is verlopen. Laad de pagina opnieuw en meld u nog eens aan.")
		return
	}
	back := safeBack(r.PostFormValue("terug"))
	token := r.PostFormValue("token")
	if id := r.PostFormValue("gebruiker"); id != "" {
		token = ""
		for _, u := range a.cfg.DemoUsers {
			if u.ID == id {
				token = u.Token
			}
		}
	}
	next := session{Token: token, CSRF: randomString(), Expires: time.Now().Add(sessionTTL).Unix()}
	if token == "" || a.userOf(next) == nil {
		msg := "Dit token is onbekend. Controleer het en probeer het opnieuw."
		if len(a.cfg.DemoUsers) > 0 {
			msg = "Kies een gebruiker om mee aan te melden."
		}
		a.render(w, http.StatusUnauthorized, "signin", nil, page{Title: "Aanmelden", CSRF: s.CSRF,
			Data: signInData{Demo: a.demoChoices(), Back: back, Error: msg}})
		return
	}
	// A new CSRF secret at sign-in: one learnt before cannot be used after.
	a.writeSession(w, r, next)
	http.Redirect(w, r, back, http.StatusSeeOther)
}

func (a *app) signOut(w http.ResponseWriter, r *http.Request) {
	s := a.sessionOf(w, r)
	if !checkCSRF(r, s) {
		a.errorPage(w, r, nil, http.StatusForbidden, "Het formulier is verlopen. Laad de pagina opnieuw.")
		return
	}
	a.writeSession(w, r, session{CSRF: randomString(), Expires: time.Now().Add(sessionTTL).Unix()})
	http.Redirect(w, r, "/aanmelden?afgemeld=1", http.StatusSeeOther)
}

// backTo is a redirect target with the case that was just changed, for read-your-writes.
func backTo(path, changed, flash string) string {
	u, _ := url.Parse(safeBack(path))
	q := u.Query()
	if changed != "" {
		q.Set("bijgewerkt", changed)
	}
	if flash != "" {
		q.Set("bericht", flash)
	}
	u.RawQuery = q.Encode()
	return u.String()
}
