package crypt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

func ring(t *testing.T, keys ...Key) *Keyring {
	t.Helper()
	r, err := NewKeyring(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// withCase is the codec as the SDK hands it a case's payloads.
func withCase(r *Keyring, id string) converter.PayloadCodec {
	return NewCodec(r).WithSerializationContext(converter.WorkflowSerializationContext{Namespace: "default", WorkflowID: id})
}

const secretText = "Jan Jansen, BSN 123456782, Dorpsstraat 1, diabetes"

func plainPayload(t *testing.T) *commonpb.Payload {
	t.Helper()
	p, err := converter.GetDefaultDataConverter().ToPayload(map[string]string{"naam": secretText})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRoundTripHidesTheData(t *testing.T) {
	r := ring(t, Generate("k1"))
	c := withCase(r, "case-abc")
	enc, err := c.Encode([]*commonpb.Payload{plainPayload(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := enc[0]
	if bytes.Contains(p.Data, []byte("Jansen")) || bytes.Contains(p.Data, []byte("123456782")) {
		t.Fatal("ciphertext contains the plain text")
	}
	if !IsEncrypted(p) || string(p.Metadata[MetaKeyID]) != "k1" || CaseOf(p) != "case-abc" {
		t.Fatalf("metadata = %v", p.Metadata)
	}
	for k, v := range p.Metadata {
		if bytes.Contains(v, []byte("Jansen")) {
			t.Fatalf("metadata %s holds personal data", k)
		}
	}
	dec, err := c.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	if err := converter.GetDefaultDataConverter().FromPayload(dec[0], &got); err != nil {
		t.Fatal(err)
	}
	if got["naam"] != secretText {
		t.Fatalf("decoded %q", got["naam"])
	}
	// Two encryptions of the same payload differ (random nonce).
	again, _ := c.Encode([]*commonpb.Payload{plainPayload(t)})
	if bytes.Equal(again[0].Data, p.Data) {
		t.Error("the same payload encrypted twice gives the same bytes")
	}
}

func TestRotationReadsOldWritesNew(t *testing.T) {
	old, next := Generate("old"), Generate("new")
	enc, err := withCase(ring(t, old), "case-1").Encode([]*commonpb.Payload{plainPayload(t)})
	if err != nil {
		t.Fatal(err)
	}
	rotated := ring(t, old, next)
	if rotated.Newest() != "new" {
		t.Fatalf("newest = %s", rotated.Newest())
	}
	if _, err := withCase(rotated, "case-1").Decode(enc); err != nil {
		t.Fatalf("old payload after rotation: %v", err)
	}
	fresh, _ := withCase(rotated, "case-1").Encode([]*commonpb.Payload{plainPayload(t)})
	if id := string(fresh[0].Metadata[MetaKeyID]); id != "new" {
		t.Errorf("new payload under key %q, want new", id)
	}
	_, err = withCase(ring(t, next), "case-1").Decode(enc)
	if !errors.Is(err, ErrUnknownKey) {
		t.Errorf("decode without the old key: %v, want ErrUnknownKey", err)
	}
}

func TestTamperingFails(t *testing.T) {
	r := ring(t, Generate("k1"), Generate("k2"))
	enc, _ := withCase(r, "case-1").Encode([]*commonpb.Payload{plainPayload(t)})
	for _, tc := range []struct {
		name   string
		change func(p *commonpb.Payload)
	}{
		{"other case", func(p *commonpb.Payload) { p.Metadata[MetaCase] = []byte("case-2") }},
		{"case removed", func(p *commonpb.Payload) { delete(p.Metadata, MetaCase) }},
		{"other key", func(p *commonpb.Payload) { p.Metadata[MetaKeyID] = []byte("k1") }},
		{"flipped bit", func(p *commonpb.Payload) { p.Data[len(p.Data)-1] ^= 1 }},
		{"truncated", func(p *commonpb.Payload) { p.Data = p.Data[:5] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &commonpb.Payload{Metadata: map[string][]byte{}, Data: append([]byte(nil), enc[0].Data...)}
			for k, v := range enc[0].Metadata {
				p.Metadata[k] = v
			}
			tc.change(p)
			if _, err := NewCodec(r).Decode([]*commonpb.Payload{p}); err == nil {
				t.Fatal("a changed payload decrypted")
			}
		})
	}
}

func TestPlainPayloadsPassThrough(t *testing.T) {
	p := plainPayload(t)
	out, err := NewCodec(ring(t, Generate("k1"))).Decode([]*commonpb.Payload{p})
	if err != nil || out[0] != p {
		t.Fatalf("plain payload: %v, %v", out, err)
	}
}

func TestDataConverterEncryptsValues(t *testing.T) {
	dc := ring(t, Generate("k1")).DataConverter()
	p, err := dc.ToPayload(secretText)
	if err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(p) || bytes.Contains(p.Data, []byte("Jansen")) {
		t.Fatalf("payload not encrypted: %v", p)
	}
	var back string
	if err := dc.FromPayload(p, &back); err != nil || back != secretText {
		t.Fatalf("back = %q, %v", back, err)
	}
}

func TestKeyringRefuses(t *testing.T) {
	good := Generate("k1")
	for _, tc := range []struct {
		name string
		keys []Key
		want string
	}{
		{"none", nil, "no keys"},
		{"short", []Key{{ID: "k", Secret: []byte("short")}}, `key "k": 5 bytes, want 32`},
		{"bad id", []Key{{ID: "a b", Secret: good.Secret}}, `id "a b" must be`},
		{"twice", []Key{good, good}, `key "k1" is given twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewKeyring(tc.keys...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := Parse("k1 !!!notbase64"); err == nil || !strings.Contains(err.Error(), "line 1: key \"k1\" is not base64") {
		t.Errorf("bad base64: %v", err)
	}
	if _, err := Parse("onlyanid"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("no key: %v", err)
	}
}

func TestParseEnvironmentForm(t *testing.T) {
	a, b := Generate("a"), Generate("b")
	r, err := Parse(FormatKey(a) + "," + FormatKey(b))
	if err != nil {
		t.Fatal(err)
	}
	if r.Newest() != "b" || r.secret("a") == nil {
		t.Fatalf("keys %v newest %s", r.keys, r.Newest())
	}
}

func TestEnsureFileCreatesPrivateFileOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "keys")
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	r1, created, err := EnsureFile(path, now)
	if err != nil || !created {
		t.Fatalf("first: created=%v err=%v", created, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o, want 0600", st.Mode().Perm())
	}
	r2, created, err := EnsureFile(path, now.Add(time.Hour))
	if err != nil || created {
		t.Fatalf("second: created=%v err=%v", created, err)
	}
	if r1.Newest() != r2.Newest() || !bytes.Equal(r1.secret(r1.Newest()), r2.secret(r2.Newest())) {
		t.Error("the second start read another key")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("readable file: %v", err)
	}
}

func TestMACKeysDifferPerPurposeAndKey(t *testing.T) {
	r := ring(t, Generate("k1"), Generate("k2"))
	a, id, _ := r.MAC("", "actor")
	b, _, _ := r.MAC("k1", "actor")
	c, _, _ := r.MAC("k2", "other")
	if id != "k2" || bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Fatal("derived keys are not separate")
	}
	if _, _, err := r.MAC("nope", "actor"); err == nil {
		t.Error("unknown key id accepted")
	}
}
