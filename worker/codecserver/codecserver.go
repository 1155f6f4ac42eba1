package codecserver

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/metrics"
)

// Config is what the endpoint needs.
type Config struct {
	// Keys decrypt the payloads.
	Keys *crypt.Keyring
	// Auth says who calls: the UI passes its access token (passAccessToken) or cookies
	// (includeCredentials); the CLI passes --codec-auth.
	Auth auth.Authenticator
	// CaseGemeente returns the gemeente of a case, or an error when it is unknown.
	CaseGemeente func(ctx context.Context, caseID string) (string, error)
	// Access records every decode; nil records nothing.
	Access accesslog.Sink
	// Origins may call from a browser (CORS), e.g. the Web UI's http://localhost:8233.
	Origins []string
	// Namespace, when set, is the only namespace whose payloads are decoded: the UI
	// names the namespace in the X-Namespace header.
	Namespace string
}

// New returns the handler; mount it under a prefix such as /codec, so that the codec
// endpoint is http://host:port/codec.
func New(cfg Config) http.Handler {
	return &handler{cfg: cfg}
}

type handler struct{ cfg Config }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.cors(w, r)
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if r.Method != http.MethodPost || !(strings.HasSuffix(r.URL.Path, "/encode") || strings.HasSuffix(r.URL.Path, "/decode")) {
		http.Error(w, "POST …/encode or …/decode", http.StatusNotFound)
		return
	}
	u, err := h.cfg.Auth.Authenticate(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	if ns := r.Header.Get("X-Namespace"); h.cfg.Namespace != "" && ns != "" && ns != h.cfg.Namespace {
		http.Error(w, "namespace "+ns+" is not served here", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20) // a payload is at most 2 MB
	codec := &scoped{h: h, ctx: r.Context(), user: u, allowed: map[string]bool{}}
	converter.NewPayloadCodecHTTPHandler(codec).ServeHTTP(w, r)
	codec.record()
}

// cors lets the listed origins call with credentials.
func (h *handler) cors(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	w.Header().Add("Vary", "Origin")
	if origin == "" || !slices.Contains(h.cfg.Origins, origin) {
		return
	}
	hd := w.Header()
	hd.Set("Access-Control-Allow-Origin", origin)
	hd.Set("Access-Control-Allow-Credentials", "true")
	hd.Set("Access-Control-Allow-Methods", "POST, OPTIONS")
	hd.Set("Access-Control-Allow-Headers", "Authorization, Authorization-Extras, Content-Type, X-Namespace")
	hd.Set("Access-Control-Max-Age", "600")
}

// scoped is the codec of one request: it decodes only what its user may read.
type scoped struct {
	h       *handler
	ctx     context.Context
	user    *auth.User
	mu      sync.Mutex
	allowed map[string]bool // case id → may decode
}

// Encode compresses and encrypts payloads the UI or CLI sends (e.g. a signal's input),
// as a worker's chain does. They carry no case, so only a worker can read them back.
func (s *scoped) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	small, err := crypt.Compression().Encode(payloads)
	if err != nil {
		return payloads, err
	}
	return crypt.NewCodec(s.h.cfg.Keys).Encode(small)
}

// Decode decrypts the payloads of cases of the user's gemeente and leaves the others
// encrypted.
func (s *scoped) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	codec := crypt.NewCodec(s.h.cfg.Keys)
	for i, p := range payloads {
		out[i] = p
		if !crypt.IsEncrypted(p) {
			continue
		}
		if !s.may(crypt.CaseOf(p)) {
			metrics.CodecDecodes.WithLabelValues("denied").Inc()
			continue
		}
		metrics.CodecDecodes.WithLabelValues("allowed").Inc()
		dec, err := codec.Decode([]*commonpb.Payload{p})
		if err != nil {
			return payloads, err
		}
		// Decrypted, the payload may still be compressed (crypt.Keyring.Codecs).
		if dec, err = crypt.Compression().Decode(dec); err != nil {
			return payloads, err
		}
		out[i] = dec[0]
	}
	return out, nil
}

func (s *scoped) may(caseID string) bool {
	if caseID == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ok, seen := s.allowed[caseID]
	if !seen {
		g, err := s.h.cfg.CaseGemeente(s.ctx, caseID)
		ok = err == nil && g != "" && g == s.user.Gemeente
		s.allowed[caseID] = ok
	}
	return ok
}

// record writes one access entry per case the request touched.
func (s *scoped) record() {
	if s.h.cfg.Access == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cases := make([]string, 0, len(s.allowed))
	for id := range s.allowed {
		cases = append(cases, id)
	}
	slices.Sort(cases)
	now := time.Now().UTC()
	for _, id := range cases {
		outcome := accesslog.OK
		if !s.allowed[id] {
			outcome = accesslog.Denied
		}
		s.h.cfg.Access.Record(accesslog.Entry{At: now, User: s.user.ID, Gemeente: s.user.Gemeente, Case: id, Action: "decode", Outcome: outcome, Via: "codec"})
	}
}
