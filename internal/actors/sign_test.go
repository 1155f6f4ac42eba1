package actors_test

import (
	"errors"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/workflows"
)

// keys is one fixed key, "k1".
type keys struct{}

func (keys) MAC(id, purpose string) ([]byte, string, error) {
	if id != "" && id != "k1" {
		return nil, "", errors.New("unknown key " + id)
	}
	return []byte("secret for " + purpose), "k1", nil
}

func TestSignAndVerify(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	req := workflows.ClaimRequest{Actor: workflows.Actor{UserID: "u1", Gemeente: "g", Teams: []string{"noord"}, Roles: []string{"wijkcoach"}}, TaskID: "t-1"}
	out, err := actors.Sign(keys{}, req, workflows.UpdateClaim, "case-1", "upd-1", now.Add(actors.TTL))
	if err != nil {
		t.Fatal(err)
	}
	signed := out.(workflows.ClaimRequest).Actor
	if req.Actor.Signature != "" {
		t.Fatal("Sign changed the request it was given")
	}
	lead := signed
	lead.Roles = []string{"teamleider"}
	for _, tc := range []struct {
		name               string
		a                  workflows.Actor
		update, caseID, id string
		at                 time.Time
		ok                 bool
	}{
		{"as signed", signed, workflows.UpdateClaim, "case-1", "upd-1", now, true},
		{"other roles", lead, workflows.UpdateClaim, "case-1", "upd-1", now, false},
		{"other update", signed, workflows.UpdateComplete, "case-1", "upd-1", now, false},
		{"other case", signed, workflows.UpdateClaim, "case-2", "upd-1", now, false},
		{"other update id", signed, workflows.UpdateClaim, "case-1", "upd-2", now, false},
		{"expired", signed, workflows.UpdateClaim, "case-1", "upd-1", now.Add(actors.TTL + time.Second), false},
		{"unsigned", req.Actor, workflows.UpdateClaim, "case-1", "upd-1", now, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := actors.Verify(keys{}, tc.a, tc.update, tc.caseID, tc.id, tc.at)
			if (err == nil) != tc.ok {
				t.Errorf("Verify = %v, want ok %v", err, tc.ok)
			}
		})
	}
	if _, err := actors.Sign(keys{}, struct{ TaskID string }{"t-1"}, workflows.UpdateClaim, "case-1", "upd-1", now); err == nil {
		t.Error("Sign accepted a request without an Actor field")
	}
}

// TestForbiddenIsTheWorkflowsType: the interceptor's refusal is answered as the case
// workflow's own, with 403.
func TestForbiddenIsTheWorkflowsType(t *testing.T) {
	if actors.ErrForbidden != workflows.ErrForbidden {
		t.Errorf("actors.ErrForbidden = %q, workflows.ErrForbidden = %q", actors.ErrForbidden, workflows.ErrForbidden)
	}
}
