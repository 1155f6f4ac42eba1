// Package providers reads the providers file, which says where the hand-offs of
// referral steps go, and checks that every provider a definition hands off to is in it:
//
//	providers:
//	  veilig-thuis-ijsselland:
//	    url: https://vt.example.nl/api/overdrachten
//	    token-env: VT_IJSSELLAND_TOKEN     # or token-file: /run/secrets/vt-token
//	    timeout: 15s                       # per call; default 10s
//
// The token is sent as "Authorization: Bearer <token>". It is read from the named
// environment variable or file when the worker starts, never written in the file itself.
// The file is read like every YAML file of wijkflow (internal/yamldoc): unknown keys are
// errors and every problem is reported as file:line:col: path: message, all at once.
//
// The package is apart from worker, which only wires the service: cmd loads the file
// and hands the providers to activities.Config and the registry's checks.
package providers
