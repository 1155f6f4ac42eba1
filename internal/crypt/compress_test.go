package crypt

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/proto"
)

// samplePayloads are payloads of the sizes a case writes: a short answer, a task list,
// a view, a definition snapshot.
func samplePayloads(t testing.TB) []*commonpb.Payload {
	t.Helper()
	dc := converter.GetDefaultDataConverter()
	var out []*commonpb.Payload
	for _, v := range []any{
		"ja",
		map[string]any{"urgent": true},
		strings.Repeat(`{"id":"gesprek-2","step":"gesprek","team":"noord","roles":["wijkcoach"]},`, 3),
		strings.Repeat(`{"id":"intake","kind":"task","roles":["wijkcoach"],"form":[{"name":"naam"}]},`, 120),
	} {
		p, err := dc.ToPayload(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// TestZlibSameAsSDK: the pooled codec compresses every payload worth it into the SDK
// zlib codec's format, no larger than the SDK's codec does, leaves the others as they
// are, and each reads what the other wrote — so payloads stored before this codec, and
// any tool with the SDK's codec, keep reading.
func TestZlibSameAsSDK(t *testing.T) {
	sdk := converter.NewZlibCodec(converter.ZlibCodecOptions{})
	in := samplePayloads(t)
	ours, err := zlibCodec{}.Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := sdk.Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	compressed := 0
	for i := range in {
		size := proto.Size(in[i])
		switch {
		case size < minCompress:
			if ours[i] != in[i] {
				t.Errorf("payload %d (%d bytes) compressed; want it left as it is", i, size)
			}
			continue
		case string(ours[i].Metadata[converter.MetadataEncoding]) != string(theirs[i].Metadata[converter.MetadataEncoding]):
			t.Errorf("payload %d: ours %q, the SDK's %q", i, ours[i].Metadata, theirs[i].Metadata)
		case len(ours[i].Data) > len(theirs[i].Data):
			t.Errorf("payload %d: ours %d bytes, the SDK's %d", i, len(ours[i].Data), len(theirs[i].Data))
		}
		if string(ours[i].Metadata[converter.MetadataEncoding]) == zlibEncoding {
			compressed++
		}
	}
	if compressed < 2 {
		t.Fatalf("%d of %d payloads compressed; the test needs the large ones compressed", compressed, len(in))
	}
	for name, pair := range map[string][2]converter.PayloadCodec{
		"ours read by the SDK": {zlibCodec{}, sdk},
		"the SDK's read by us": {sdk, zlibCodec{}},
		"ours read by us":      {zlibCodec{}, zlibCodec{}},
	} {
		enc, err := pair[0].Encode(in)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := pair[1].Decode(enc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range in {
			if !proto.Equal(dec[i], in[i]) {
				t.Errorf("%s: payload %d changed", name, i)
			}
		}
	}
}

// TestZlibConcurrent: reused compressors never mix two payloads (run with -race too).
func TestZlibConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				p, _ := converter.GetDefaultDataConverter().ToPayload(strings.Repeat(fmt.Sprintf("zaak-%d-%d;", g, i), 40))
				enc, err := zlibCodec{}.Encode([]*commonpb.Payload{p})
				if err != nil {
					t.Error(err)
					return
				}
				dec, err := zlibCodec{}.Decode(enc)
				if err != nil || !bytes.Equal(dec[0].Data, p.Data) {
					t.Errorf("goroutine %d payload %d: %v", g, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestZlibRefusesCorrupt: a damaged compressed payload is an error, not a wrong value,
// and the codec still works after it.
func TestZlibRefusesCorrupt(t *testing.T) {
	enc, err := zlibCodec{}.Encode(samplePayloads(t)[3:])
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"header": append([]byte{0x00, 0x01}, enc[0].Data[2:]...),
		"body":   append(bytes.Clone(enc[0].Data[:len(enc[0].Data)-12]), make([]byte, 12)...),
		"cut":    enc[0].Data[:len(enc[0].Data)/2],
	} {
		bad := &commonpb.Payload{Metadata: enc[0].Metadata, Data: data}
		if _, err := (zlibCodec{}).Decode([]*commonpb.Payload{bad}); err == nil {
			t.Errorf("%s damaged: decoded without an error", name)
		}
	}
	if dec, err := (zlibCodec{}).Decode(enc); err != nil || !proto.Equal(dec[0], samplePayloads(t)[3]) {
		t.Fatalf("after the damaged ones: %v", err)
	}
}

// BenchmarkZlib compares the SDK's zlib codec with the pooled one on the payloads a case
// writes (encode and decode each):
//
//	go test ./internal/crypt -run '^$' -bench Zlib -benchmem
func BenchmarkZlib(b *testing.B) {
	in := samplePayloads(b)
	for name, c := range map[string]converter.PayloadCodec{
		"sdk":    converter.NewZlibCodec(converter.ZlibCodecOptions{}),
		"pooled": zlibCodec{},
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				enc, err := c.Encode(in)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.Decode(enc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
