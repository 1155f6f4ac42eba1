package crypt

import (
	"fmt"
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

// TestChainCompressesThenEncrypts: a large, repetitive value (a definition snapshot is
// one) is stored far smaller than it is, still encrypted; inside the ciphertext is the
// zlib payload.
func TestChainCompressesThenEncrypts(t *testing.T) {
	r := ring(t, Generate("k1"))
	value := strings.Repeat(`{"id":"intake","kind":"task","roles":["wijkcoach"]},`, 200)
	plain, _ := converter.GetDefaultDataConverter().ToPayload(value)
	stored, err := r.DataConverter().ToPayload(value)
	if err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(stored) {
		t.Fatalf("stored payload not encrypted: %v", stored.Metadata)
	}
	if len(stored.Data)*4 > len(plain.Data) {
		t.Errorf("stored %d bytes of a %d-byte value; want under a quarter", len(stored.Data), len(plain.Data))
	}
	inner, err := NewCodec(r).Decode([]*commonpb.Payload{stored})
	if err != nil {
		t.Fatal(err)
	}
	if enc := string(inner[0].Metadata[converter.MetadataEncoding]); enc != "binary/zlib" {
		t.Errorf("decrypted payload has encoding %q, want binary/zlib", enc)
	}
	var back string
	if err := r.DataConverter().FromPayload(stored, &back); err != nil || back != value {
		t.Fatalf("round trip: %v", err)
	}
}

// TestChainReadsOldPayloads: payloads written before compression (encrypted only) and
// before encryption (plain) still read.
func TestChainReadsOldPayloads(t *testing.T) {
	r := ring(t, Generate("k1"))
	encryptedOnly, err := converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), NewCodec(r)).ToPayload(secretText)
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*commonpb.Payload{"encrypted only": encryptedOnly, "plain": plainPayload(t)} {
		t.Run(name, func(t *testing.T) {
			var back any
			if err := r.DataConverter().FromPayload(p, &back); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(fmt.Sprint(back), "Jansen") {
				t.Errorf("read back %v", back)
			}
		})
	}
}
