package cluster

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	historypb "go.temporal.io/api/history/v1"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/workflows"
)

// onlyEncryptedPayloads reads what PostgreSQL stores — every batch of history events and
// every memo in visibility — and fails on any payload that is not binary/encrypted, but
// the facts record the monitor counts (crypt.Public): that one must read strictly as
// workflows.Facts, whose fields hold no personal data by construction (facts_test.go).
// Search attributes are plain by design (README, "Privacy and security") and skipped.
func onlyEncryptedPayloads(t *testing.T, pg *Postgres) {
	count := func(db, query string, into func() proto.Message) (payloads, plain int) {
		t.Helper()
		rows, err := pg.SQL(db, query)
		if err != nil {
			t.Fatal(err)
		}
		for row := range strings.Lines(rows) {
			hexData, encoding, _ := strings.Cut(strings.TrimRight(row, "\n"), "\t") // the first may be empty
			if hexData == "" {
				continue
			}
			if !strings.EqualFold(encoding, "proto3") {
				t.Fatalf("%s: a row encoded %q, want proto3", db, encoding)
			}
			b, err := hex.DecodeString(hexData)
			if err != nil {
				t.Fatal(err)
			}
			m := into()
			if err := proto.Unmarshal(b, m); err != nil {
				t.Fatalf("%s: %v", db, err)
			}
			for _, p := range payloadsIn(m.ProtoReflect()) {
				payloads++
				if crypt.IsPublic(p) {
					js, err := crypt.PublicJSON(p)
					if err != nil {
						t.Errorf("%s holds a public payload that does not read: %v", db, err)
						continue
					}
					dec := json.NewDecoder(bytes.NewReader(js))
					dec.DisallowUnknownFields()
					var f workflows.Facts
					if err := dec.Decode(&f); err != nil {
						t.Errorf("%s holds a public payload that is not the facts record: %v", db, err)
					}
					continue
				}
				if !crypt.IsEncrypted(p) {
					plain++
					t.Errorf("%s holds a plain payload: %s %.80q", db, p.GetMetadata(), p.GetData())
				}
			}
		}
		return payloads, plain
	}
	hp, hPlain := count("temporal", "SELECT encode(data, 'hex'), data_encoding FROM history_node",
		func() proto.Message { return &historypb.History{} })
	mp, mPlain := count("temporal_visibility", "SELECT encode(memo, 'hex'), encoding FROM executions_visibility WHERE memo IS NOT NULL",
		func() proto.Message { return &commonpb.Memo{} })
	t.Logf("PostgreSQL: %d payloads in history, %d in memos; plain: %d, %d", hp, mp, hPlain, mPlain)
	if hp == 0 || mp == 0 {
		t.Errorf("found %d history and %d memo payloads: the query read nothing", hp, mp)
	}
}

// payloadsIn walks a message and returns every Payload in it, except those of search
// attributes.
func payloadsIn(m protoreflect.Message) []*commonpb.Payload {
	switch m.Descriptor().FullName() {
	case "temporal.api.common.v1.Payload":
		return []*commonpb.Payload{m.Interface().(*commonpb.Payload)}
	case "temporal.api.common.v1.SearchAttributes":
		return nil
	}
	var out []*commonpb.Payload
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Message() == nil {
			return true
		}
		switch {
		case fd.IsMap():
			if fd.MapValue().Message() != nil {
				v.Map().Range(func(_ protoreflect.MapKey, mv protoreflect.Value) bool {
					out = append(out, payloadsIn(mv.Message())...)
					return true
				})
			}
		case fd.IsList():
			for i := range v.List().Len() {
				out = append(out, payloadsIn(v.List().Get(i).Message())...)
			}
		default:
			out = append(out, payloadsIn(v.Message())...)
		}
		return true
	})
	return out
}
