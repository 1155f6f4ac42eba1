package crypt

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
)

// counts is a Public type of the test: ids and counts only.
type counts struct {
	Step string `json:"step"`
	N    int    `json:"n"`
}

func (*counts) PublicPayload() {}

// notPublic has the same fields without the mark.
type notPublic struct {
	Step string `json:"step"`
	N    int    `json:"n"`
}

func TestPublicValuesStayReadable(t *testing.T) {
	dc := ring(t, Generate("k1")).DataConverter()
	p, err := dc.ToPayload(&counts{Step: "intake", N: 3})
	if err != nil {
		t.Fatal(err)
	}
	if IsEncrypted(p) || !IsPublic(p) || string(p.Data) != `{"step":"intake","n":3}` {
		t.Fatalf("public payload = %v %q", p.Metadata, p.Data)
	}
	var back counts
	if err := dc.FromPayload(p, &back); err != nil || back != (counts{"intake", 3}) {
		t.Fatalf("round trip = %+v, %v", back, err)
	}
}

// TestLargePublicValuesAreCompressed: a public value worth compressing is stored
// deflated and still unencrypted (PublicZlibEncoding); the data converter and the codec
// endpoint's decoding (Compression) read it back as JSON, PublicJSON reads it raw, and
// damaged bytes are an error.
func TestLargePublicValuesAreCompressed(t *testing.T) {
	dc := ring(t, Generate("k1")).DataConverter()
	v := &counts{Step: strings.Repeat("keukentafelgesprek-", 40), N: 7}
	plain, _ := json.Marshal(v)
	p, err := dc.ToPayload(v)
	if err != nil {
		t.Fatal(err)
	}
	if IsEncrypted(p) || !IsPublic(p) || string(p.Metadata["encoding"]) != PublicZlibEncoding || len(p.Data)*4 > len(plain) {
		t.Fatalf("stored %v, %d bytes of %d", p.Metadata, len(p.Data), len(plain))
	}
	var back counts
	if err := dc.FromPayload(p, &back); err != nil || back != *v {
		t.Fatalf("round trip = %+v, %v", back, err)
	}
	raw, err := PublicJSON(p)
	if err != nil || !bytes.Equal(raw, plain) {
		t.Fatalf("PublicJSON = %q, %v", raw, err)
	}
	dec, err := Compression().Decode([]*commonpb.Payload{p})
	if err != nil || string(dec[0].Metadata["encoding"]) != PublicEncoding || !bytes.Equal(dec[0].Data, plain) {
		t.Fatalf("decoded for the codec endpoint: %v %q, %v", dec[0].GetMetadata(), dec[0].GetData(), err)
	}
	bad := &commonpb.Payload{Metadata: p.Metadata, Data: p.Data[:len(p.Data)/2]}
	if _, err := PublicJSON(bad); err == nil {
		t.Error("a cut compressed public payload read without an error")
	}
	if _, err := PublicJSON(plainPayload(t)); err == nil {
		t.Error("PublicJSON read a payload that is not public")
	}
}

func TestEveryOtherPayloadIsEncrypted(t *testing.T) {
	dc := ring(t, Generate("k1")).DataConverter()
	for _, v := range []any{
		notPublic{Step: secretText, N: 1}, &notPublic{Step: secretText}, counts{Step: secretText}, // a value, not the marked pointer
		secretText, []byte(secretText), map[string]any{"naam": secretText}, []string{secretText},
		&commonpb.Payload{Data: []byte(secretText)}, nil, 42,
	} {
		p, err := dc.ToPayload(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		if !IsEncrypted(p) || IsPublic(p) || bytes.Contains(p.Data, []byte("Jansen")) {
			t.Errorf("%T not encrypted: %v", v, p.Metadata)
		}
	}
}

func TestCodecLeavesOnlyPublicEncoding(t *testing.T) {
	c := withCase(ring(t, Generate("k1")), "case-1")
	pub := &commonpb.Payload{Metadata: map[string][]byte{"encoding": []byte(PublicEncoding)}, Data: []byte(`{}`)}
	out, err := c.Encode([]*commonpb.Payload{pub, plainPayload(t)})
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != pub || !IsEncrypted(out[1]) {
		t.Fatalf("encoded = %v, %v", out[0].Metadata, out[1].Metadata)
	}
}
