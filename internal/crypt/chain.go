package crypt

import (
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

// Codecs is the codec chain of every client, worker, replayer and the codec endpoint, in
// the order converter.NewCodecDataConverter takes it: decoding runs first to last,
// encoding last to first. So a payload is compressed (zlib, as the SDK's zlib codec) before it is
// encrypted — ciphertext does not compress — and decrypted before it is inflated.
//
// Both directions keep old payloads readable: the zlib codec leaves a payload that is not
// binary/zlib as it is (payloads written before compression was on, and payloads that
// compression would not shrink), and the Codec leaves one that is not encrypted.
func (r *Keyring) Codecs() []converter.PayloadCodec {
	return []converter.PayloadCodec{NewCodec(r), Compression()}
}

// Compression is the zlib codec of the chain (compress.go: the SDK's format, its
// compressors reused); it only replaces a payload when that makes it smaller. It leaves a Public payload as it is, so that it keeps PublicEncoding and the
// Codec after it does not encrypt it: visibility readers count it as plain JSON.
func Compression() converter.PayloadCodec {
	return publicAsIs{zlibCodec{}}
}

// publicAsIs is a codec that encodes every payload but a Public one.
type publicAsIs struct{ converter.PayloadCodec }

func (c publicAsIs) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if IsPublic(p) {
			out[i] = p
			continue
		}
		enc, err := c.PayloadCodec.Encode([]*commonpb.Payload{p})
		if err != nil {
			return nil, err
		}
		out[i] = enc[0]
	}
	return out, nil
}
