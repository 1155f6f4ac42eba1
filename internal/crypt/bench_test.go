package crypt

import (
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

// BenchmarkCodec is the cost of encrypting and decrypting one payload of the size of a
// case view with a filled-in form (8 KiB), the payload a task completion answers with.
func BenchmarkCodec(b *testing.B) {
	r, _ := NewKeyring(Generate("k1"))
	c := NewCodec(r).WithSerializationContext(converter.WorkflowSerializationContext{WorkflowID: "case-bench"})
	p, _ := converter.GetDefaultDataConverter().ToPayload(map[string]string{"verslag": strings.Repeat("x", 8<<10)})
	b.SetBytes(int64(len(p.Data)))
	for b.Loop() {
		enc, err := c.Encode([]*commonpb.Payload{p})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}
