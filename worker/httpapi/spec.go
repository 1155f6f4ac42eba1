package httpapi

import (
	_ "embed"
	"net/http"

	"github.com/wijkflow/wijkflow/worker/auth"
)

//go:embed openapi.yaml
var spec []byte

// serveSpec answers the OpenAPI description; it is public, like any API reference.
func serveSpec(w http.ResponseWriter, _ *http.Request, _ *auth.User) error {
	w.Header().Set("Content-Type", "application/yaml")
	_, _ = w.Write(spec)
	return nil
}
