package web

import (
	"crypto/rand"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/caselist"
)

// Config is what the web app needs.
type Config struct {
	// API is the task API's handler (it serves /api/v1); the app calls it in-process.
	API http.Handler
	// Auth is the API's authenticator; the app asks it who a session's token belongs to.
	Auth auth.Authenticator
	// Definitions gives the definitions served now (forms, resident fields, legal
	// citations); called once per request, so a published change shows at once.
	Definitions func() DefinitionSet
	// Client counts cases for the manager's overview; nil leaves the overview out.
	Client client.Client
	// Cases are the shared lists of open cases the overview counts (the API's, so one
	// scan serves both); nil makes the app its own from Client.
	Cases *caselist.Cases
	// Namespace holds the cases; default "default".
	Namespace string
	// DemoUsers, when set (wijkflow dev), let a visitor sign in by choosing one of them.
	// Without them the sign-in page asks for an API token.
	DemoUsers []auth.User
	// People names the users whose ids a case keeps (people.go); nil starts a directory
	// with the demo users that learns everyone who signs in.
	People *auth.Directory
	// TemporalUIURL is the Temporal Web UI's base URL, for the overview's links; empty
	// shows the counts without links.
	TemporalUIURL string
	// SessionKey seals the session cookie (32 bytes). Workers behind one load balancer
	// need the same key; nil means a random key, valid for this process only.
	SessionKey []byte
	// SecureCookies marks the session cookie Secure also when TLS ends at a proxy.
	SecureCookies bool
	// Login, when set, signs users in at an OpenID Connect provider (oidclogin.go);
	// Auth must then accept the provider's ID tokens.
	Login *Login
	// Logger receives server-side errors (never personal data).
	Logger zerolog.Logger
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// DefinitionSet is the definitions served at one moment (the registry's Set).
type DefinitionSet interface {
	// Lookup is the current definition of a process, or nil.
	Lookup(gemeente, process string) *definitions.Definition
	// ByVersion is any version served in this process, or nil.
	ByVersion(version string) *definitions.Definition
	// CurrentOf lists the current definitions of a gemeente.
	CurrentOf(gemeente string) []*definitions.Definition
}

// app is the web app's state: configuration and parsed templates.
type app struct {
	cfg    Config
	seal   *sealer
	pages  map[string]*template.Template
	log    zerolog.Logger
	login  *loginFlow // nil without Config.Login
	people *auth.Directory
	cases  *caselist.Cases // the shared lists of open cases (overviewscan.go)
}

// New returns the web app's handler for every path outside /api/.
func New(cfg Config) (http.Handler, error) {
	if cfg.API == nil || cfg.Auth == nil || cfg.Definitions == nil {
		return nil, errors.New("web: Config.API, Config.Auth and Config.Definitions are required")
	}
	if cfg.Namespace == "" {
		cfg.Namespace = "default"
	}
	key := cfg.SessionKey
	if key == nil {
		key = make([]byte, 32)
		rand.Read(key)
	}
	s, err := newSealer(key)
	if err != nil {
		return nil, err
	}
	a := &app{cfg: cfg, seal: s, log: cfg.Logger, people: cfg.People}
	if a.people == nil {
		a.people = auth.NewDirectory(cfg.DemoUsers...)
	}
	if cfg.Login != nil {
		a.login = &loginFlow{cfg: cfg.Login}
	}
	if a.cases = cfg.Cases; a.cases == nil && cfg.Client != nil {
		a.cases = caselist.New(caselist.Options{Client: cfg.Client, Namespace: cfg.Namespace, Logger: cfg.Logger})
	}
	if a.pages, err = parsePages(); err != nil {
		return nil, err
	}
	return a.routes(), nil
}

// Mount serves the API under /api/ and the web app everywhere else, on one origin.
func Mount(api http.Handler, cfg Config) (http.Handler, error) {
	cfg.API = api
	w, err := New(cfg)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/", w)
	return mux, nil
}

func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /favicon.ico", favicon)
	mux.HandleFunc("GET /{$}", a.home)
	mux.HandleFunc("GET /aanmelden", a.signInPage)
	mux.HandleFunc("POST /aanmelden", a.signIn)
	mux.HandleFunc("POST /afmelden", a.signOut)
	if a.login != nil {
		mux.HandleFunc("GET /aanmelden/oidc", a.oidcStart)
		mux.HandleFunc("GET /aanmelden/terug", a.oidcReturn)
	}
	// The pages behind sign-in.
	for pattern, page := range map[string]func(http.ResponseWriter, *http.Request, *request){
		"GET /taken":                               a.inbox,
		"GET /zaken/{id}":                          a.casePage,
		"GET /zaken/{id}/taken/{task}":             a.taskPage,
		"POST /zaken/{id}/taken/{task}":            a.complete,
		"POST /zaken/{id}/taken/{task}/claimen":    a.claim,
		"POST /zaken/{id}/taken/{task}/teruggeven": a.handBack,
		"POST /zaken/{id}/opschorten":              a.suspend,
		"POST /zaken/{id}/hervatten":               a.resume,
		"POST /zaken/{id}/verlengen":               a.extend,
		"GET /melding":                             a.intakePage,
		"POST /melding":                            a.createCase,
		"GET /overzicht":                           a.overview,
		"GET /monitor":                             a.monitorPage,
		"GET /monitor/zaken":                       a.monitorCases,
	} {
		mux.HandleFunc(pattern, a.signedIn(page))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		a.errorPage(w, r, nil, http.StatusNotFound, "Deze pagina bestaat niet.")
	})
	return headers(a.crossOrigin(mux))
}

// headers keeps pages out of caches and frames and allows only the app's own scripts.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		next.ServeHTTP(w, r)
	})
}

// request is one signed-in request: the user, the session and the token to call with.
type request struct {
	user *auth.User
	sess session
	lead bool
}

// signedIn runs h for a signed-in user and checks every POST's CSRF secret (behind
// crossOrigin, crosssite.go); others go to the sign-in page.
func (a *app) signedIn(h func(w http.ResponseWriter, r *http.Request, rq *request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := a.sessionOf(w, r)
		u := a.userOf(s)
		if u == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/aanmelden?terug="+url.QueryEscape(safeBack(r.URL.RequestURI())), http.StatusSeeOther)
				return
			}
			a.errorPage(w, r, nil, http.StatusUnauthorized, "U bent niet (meer) aangemeld. Meld u opnieuw aan.")
			return
		}
		rq := &request{user: u, sess: s, lead: a.isLead(u)}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
			if !checkCSRF(r, s) {
				a.errorPage(w, r, rq, http.StatusForbidden, crossOriginRefusal)
				return
			}
		}
		h(w, r, rq)
	}
}

// userOf asks the API's authenticator who the session's token belongs to, so a token
// that was revoked signs the session out at once.
func (a *app) userOf(s session) *auth.User {
	if s.Token == "" {
		return nil
	}
	r, _ := http.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("Authorization", "Bearer "+s.Token)
	u, err := a.cfg.Auth.Authenticate(r)
	if err != nil {
		return nil
	}
	a.people.Remember(*u)
	return u
}

// isLead reports whether u holds the lead role of a process of their gemeente.
func (a *app) isLead(u *auth.User) bool {
	for _, d := range a.cfg.Definitions().CurrentOf(u.Gemeente) {
		if d.Lead != "" && u.HasRole(d.Lead) {
			return true
		}
	}
	return false
}

// definition returns the definition a case or task runs on.
func (a *app) definition(version, gemeente, process string) *definitions.Definition {
	set := a.cfg.Definitions()
	if d := set.ByVersion(version); d != nil {
		return d
	}
	return set.Lookup(gemeente, process)
}

// processesOf lists the current definitions of a gemeente, by title.
func (a *app) processesOf(gemeente string) []*definitions.Definition {
	out := slices.Clone(a.cfg.Definitions().CurrentOf(gemeente))
	slices.SortFunc(out, func(x, y *definitions.Definition) int { return strings.Compare(x.Title, y.Title) })
	return out
}

func (a *app) home(w http.ResponseWriter, r *http.Request) {
	if a.userOf(a.sessionOf(w, r)) == nil {
		http.Redirect(w, r, "/aanmelden", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/taken", http.StatusSeeOther)
}

// safeBack keeps a return address on this site: a path, never another origin.
func safeBack(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.ContainsAny(p, "\r\n") {
		return "/taken"
	}
	return p
}
