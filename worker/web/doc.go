// Package web is the browser app for team workers and managers, served at / on the task
// API's origin: sign-in, the inbox (my tasks, my team's tasks), a task's form rendered
// from the definition, the case page, a new melding and the manager's overview.
//
// Pages are server-rendered with html/template, in Dutch, and work without JavaScript;
// a small script only adds conveniences. The handlers own no case state and no rules:
// they call the task API's http.Handler in-process with the signed-in user's bearer
// token and render its JSON, so the API's authentication, authorisation, validation and
// audit log apply to every click exactly as to a curl call. The API speaks English; what
// a worker reads comes from the codes it sends along (refusals, field problems, trail
// events) rendered in Dutch from the catalogue (internal/words), never from its English
// text. Only the manager's counts go to Temporal directly (CountWorkflowExecutions),
// with the gemeente fixed to the manager's own.
//
// A session is an AES-GCM sealed cookie holding the user's bearer token and a CSRF
// secret: the server keeps no session state, so any number of workers can serve the app
// when they share the session key. Go's http.CrossOriginProtection refuses cross-origin
// POSTs, and every POST form carries the CSRF secret besides (crosssite.go).
package web
