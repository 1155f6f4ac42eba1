package worker

import (
	"context"
	"errors"
	"net/http"

	lru "github.com/hashicorp/golang-lru/v2"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/codecserver"
	"github.com/wijkflow/wijkflow/worker/web"
	"github.com/wijkflow/wijkflow/workflows"
)

// CodecPath is where the codec endpoint is served: give http://HOST:PORT/codec to the
// Web UI (codec.endpoint) and to the Temporal CLI (--codec-endpoint).
const CodecPath = "/codec"

// withCodec serves the codec endpoint under CodecPath beside the task API.
// A bearer token comes first (the CLI's --codec-auth, the UI's passAccessToken); else
// the web app's session cookie (the UI's includeCredentials).
func withCodec(api http.Handler, cfg Config) (http.Handler, error) {
	who := cfg.Auth
	if !cfg.Web.Off {
		session, err := web.SessionAuth(cfg.Web.SessionKey, cfg.Auth)
		if err != nil {
			return nil, err
		}
		who = bearerOrSession{bearer: cfg.Auth, session: session}
	}
	mux := http.NewServeMux()
	mux.Handle(CodecPath+"/", codecserver.New(codecserver.Config{
		Keys:         cfg.Keys,
		Auth:         who,
		CaseGemeente: CaseGemeente(cfg.Client),
		Access:       cfg.Access,
		Origins:      cfg.CodecOrigins,
		Namespace:    cfg.Namespace,
	}))
	mux.Handle("/", api)
	return mux, nil
}

// bearerOrSession uses the session only when the request carries no bearer token.
type bearerOrSession struct{ bearer, session auth.Authenticator }

func (b bearerOrSession) Authenticate(r *http.Request) (*auth.User, error) {
	u, err := b.bearer.Authenticate(r)
	if errors.Is(err, auth.ErrNoCredentials) {
		return b.session.Authenticate(r)
	}
	return u, err
}

// CaseGemeente returns a lookup of a case's gemeente: its WijkGemeente search attribute
// as the case itself holds it (DescribeWorkflowExecution, not eventually consistent
// visibility). A workflow that is not a case has none.
// A case never changes gemeente, so answers are cached (bounded): the Web UI decodes a
// history in many small requests.
func CaseGemeente(c client.Client) func(ctx context.Context, caseID string) (string, error) {
	known, err := lru.New[string, string](100_000)
	if err != nil {
		panic(err) // only for a size below one
	}
	return func(ctx context.Context, caseID string) (string, error) {
		if g, ok := known.Get(caseID); ok {
			return g, nil
		}
		g, err := describeGemeente(ctx, c, caseID)
		if err == nil {
			known.Add(caseID, g)
		}
		return g, err
	}
}

func describeGemeente(ctx context.Context, c client.Client, caseID string) (string, error) {
	resp, err := c.DescribeWorkflowExecution(ctx, caseID, "")
	if err != nil {
		return "", err
	}
	info := resp.GetWorkflowExecutionInfo()
	if info.GetType().GetName() != workflows.CaseWorkflowName {
		return "", errors.New("not a case")
	}
	p := info.GetSearchAttributes().GetIndexedFields()[workflows.SAGemeente.GetName()]
	if p == nil {
		return "", errors.New("case without a gemeente")
	}
	var g string
	// Search attributes are never encrypted: the default converter reads them.
	err = converter.GetDefaultDataConverter().FromPayload(p, &g)
	return g, err
}
