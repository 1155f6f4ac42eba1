package httpapi

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/metrics"
)

// handler serves one route for an authenticated user (nil on public routes). It writes
// the answer itself on success and returns an error otherwise; the caller writes that.
type handler func(w http.ResponseWriter, r *http.Request, u *auth.User) error

// route is one method and path of the API.
type route struct {
	method, path string
	// action names a state-changing call in the audit log; "" for reads.
	action string
	// access names a read of a case's personal data in the access log; changes are
	// logged under their action.
	access string
	public bool
	h      handler
}

func (a *api) routes() []route {
	return []route{
		{method: "GET", path: "/healthz", public: true, h: a.healthz},
		{method: "GET", path: "/readyz", public: true, h: a.readyz},
		{method: "GET", path: "/openapi.yaml", public: true, h: serveSpec},
		{method: "GET", path: "/definitions", h: a.listDefinitions},
		{method: "POST", path: "/definitions/reload", action: "publish", h: a.reloadDefinitions},
		{method: "POST", path: "/migrations", action: "migrate", h: a.migrate},
		{method: "POST", path: "/cases", action: "create", h: a.createCase},
		{method: "GET", path: "/cases", h: a.listCases},
		{method: "GET", path: "/cases/{id}", access: "view", h: a.getCase},
		{method: "POST", path: "/cases/{id}/erase", action: "erase", h: a.eraseCase},
		{method: "POST", path: "/cases/{id}/suspend", action: "suspend", h: a.suspend},
		{method: "POST", path: "/cases/{id}/resume", action: "resume", h: a.resume},
		{method: "POST", path: "/cases/{id}/extend", action: "extend", h: a.extend},
		{method: "POST", path: "/cases/{id}/events/{event}", action: "event", h: a.deliverEvent},
		{method: "POST", path: "/cases/{id}/tasks/{taskId}/claim", action: "claim", h: a.claim},
		{method: "POST", path: "/cases/{id}/tasks/{taskId}/assign", action: "assign", h: a.assign},
		{method: "POST", path: "/cases/{id}/tasks/{taskId}/complete", action: "complete", h: a.complete},
		{method: "GET", path: "/tasks", h: a.listTasks},
		{method: "GET", path: "/inbox", h: a.listInbox},
		{method: "GET", path: "/monitor", h: a.getMonitor},
		{method: "GET", path: "/eventlog", h: a.getEventLog},
		{method: "POST", path: "/cases/{id}/retry-handoff", action: "retry-handoff", h: a.retryHandoff},
		{method: "POST", path: "/cases/{id}/route-on", action: "route-on", h: a.routeOn},
	}
}

// register adds every route, a JSON 405 for the other methods of each path, and a JSON
// 404 for everything else (the mux's own answers are plain text).
func (a *api) register(mux *http.ServeMux) {
	allowed := map[string][]string{}
	var paths []string
	for _, rt := range a.routes() {
		mux.Handle(rt.method+" "+prefix+rt.path, a.serve(rt))
		if allowed[rt.path] == nil {
			paths = append(paths, rt.path)
		}
		allowed[rt.path] = append(allowed[rt.path], rt.method)
	}
	for _, p := range paths {
		methods := allowed[p]
		if slices.Contains(methods, "GET") {
			methods = append(methods, "HEAD")
		}
		allow := strings.Join(methods, ", ")
		mux.HandleFunc(prefix+p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, errorf(http.StatusMethodNotAllowed, "method %s is not allowed here; use %s", r.Method, allow))
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(http.StatusNotFound, "no such path; the API is described at %s/openapi.yaml", prefix))
	})
}

// serve authenticates, runs the handler, writes its error and records the audit line.
func (a *api) serve(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		var u *auth.User
		var err error
		if !rt.public {
			u, err = a.cfg.Auth.Authenticate(r)
			if err != nil {
				err = unauthorized(err)
			}
		}
		if err == nil && rt.action != "" && strings.Contains(rt.path, "{id}") {
			// A case the caller may not see is a 404 before any check of the body or
			// the task: a refusal about the request would say the case exists.
			err = a.checkCase(r.Context(), u, r.PathValue("id"))
		}
		if err == nil {
			err = rt.h(rec, r, u)
		}
		if err != nil {
			a.fail(rec, r, err)
		}
		if rt.action != "" {
			a.audit(r, rec, u, rt.action, time.Since(start), err)
		}
		a.recordAccess(r, rec, u, cmp.Or(rt.action, rt.access))
	})
}

// recorder remembers the status written, for the audit and access lines.
type recorder = metrics.Recorder
