package web

import (
	"bytes"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// page is what every template gets: the layout's parts and the page's own Data.
type page struct {
	Title string
	User  *auth.User
	Lead  bool
	CSRF  string
	Nav   string // which menu item is the current page
	Flash string
	Error string
	Data  any
}

// parsePages parses each page template together with the layout.
func parsePages() (map[string]*template.Template, error) {
	names, err := templateFS.ReadDir("templates")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		if n.Name() == "layout.html" || n.Name() == "fields.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/fields.html", "templates/"+n.Name())
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(n.Name(), path.Ext(n.Name()))] = t
	}
	return out, nil
}

// render writes a page; it renders into a buffer first so a template error becomes a
// clean 500 instead of half a page.
func (a *app) render(w http.ResponseWriter, status int, name string, rq *request, p page) {
	if rq != nil {
		p.User, p.Lead, p.CSRF = rq.user, rq.lead, rq.sess.CSRF
	}
	var buf bytes.Buffer
	if err := a.pages[name].Execute(&buf, p); err != nil {
		a.log.Error().Err(err).Str("page", name).Msg("template failed")
		http.Error(w, "Interne fout", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage answers with a short Dutch message.
func (a *app) errorPage(w http.ResponseWriter, r *http.Request, rq *request, status int, msg string) {
	if rq == nil {
		s := a.sessionOf(w, r)
		if u := a.userOf(s); u != nil {
			rq = &request{user: u, sess: s, lead: a.isLead(u)}
		}
	}
	title := map[int]string{400: "Ongeldig verzoek", 401: "Niet aangemeld", 403: "Geen toegang", 404: "Niet gevonden", 409: "Niet meer mogelijk", 422: "Niet opgeslagen"}[status]
	if title == "" {
		title = "Er ging iets mis"
	}
	a.render(w, status, "error", rq, page{Title: title, Error: msg})
}

// apiFailure renders an API error that is not a form's 422.
func (a *app) apiFailure(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	e, ok := err.(*apiError)
	if !ok {
		a.log.Error().Err(err).Str("path", r.URL.Path).Msg("web: call failed")
		a.errorPage(w, r, rq, http.StatusInternalServerError, "De taakdienst antwoordde niet. Probeer het zo nog eens.")
		return
	}
	said := *e // task, role and user ids as people name them
	said.Args = a.inWords(words.Message{Code: e.Code, Args: e.Args}, nil).Args
	e = &said
	msg := map[int]string{
		401: "U bent niet (meer) aangemeld.",
		403: "U mag dit niet doen bij deze zaak" + reason(e) + ".",
		404: "Deze zaak of taak bestaat niet, of u mag haar niet zien.",
		409: "Dit kan niet meer: " + e.nl() + ".",
	}[e.Status]
	if msg == "" {
		msg = e.nl()
	}
	a.errorPage(w, r, rq, e.Status, msg)
}

// reason is ": <the API's reason in Dutch>" when the refusal has a code, else "": an
// English reason is not shown to a worker.
func reason(e *apiError) string {
	if e.Code == "" {
		return ""
	}
	return ": " + e.nl()
}

var funcs = template.FuncMap{
	"date":     dateNL,
	"datetime": datetimeNL,
	"yesno": func(b bool) string {
		if b {
			return "ja"
		}
		return "nee"
	},
	"value":      valueNL,
	"gemeente":   definitions.Label, // a gemeente's code as its name: "dalfsen" → "Dalfsen"
	"inWords":    definitions.Label, // an id without a label of its own: "eigen_kracht" → "Eigen kracht"
	"nonce":      randomString,      // a form's Idempotency-Key: sent twice, it acts once
	"query":      func(s string) template.URL { return template.URL(s) },
	"overdue":    func(t *time.Time) bool { return t != nil && time.Now().After(*t) },
	"soon":       deadlineSoon,
	"fieldLabel": (*definitions.Field).Question,
}

// dateNL writes a time as "2 december 2026" in Amsterdam.
func dateNL(t any) string {
	tm, ok := asTime(t)
	if !ok {
		return ""
	}
	return words.Date(tm.In(law.Amsterdam()), words.NL)
}

// datetimeNL writes "2 december 2026, 14:05".
func datetimeNL(t any) string {
	tm, ok := asTime(t)
	if !ok {
		return ""
	}
	return dateNL(tm) + ", " + tm.In(law.Amsterdam()).Format("15:04")
}

func asTime(t any) (time.Time, bool) {
	switch v := t.(type) {
	case time.Time:
		return v, !v.IsZero()
	case *time.Time:
		if v == nil {
			return time.Time{}, false
		}
		return *v, !v.IsZero()
	case string: // a date field's value
		if d, err := time.ParseInLocation(time.DateOnly, v, law.Amsterdam()); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
