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
// compressors reused); it only replaces a payload when that makes it smaller. A Public
// payload it compresses into PublicZlibEncoding instead, which the Codec after it
// recognises and leaves unencrypted, so visibility readers count it without a key; when
// decoding it turns that back into PublicEncoding.
func Compression() converter.PayloadCodec { return compression{} }

// compression is the zlib codec with Public payloads kept recognisable.
type compression struct{ zlibCodec }

func (c compression) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		var err error
		if IsPublic(p) {
			out[i], err = compressPublic(p)
		} else {
			var enc []*commonpb.Payload
			enc, err = c.zlibCodec.Encode([]*commonpb.Payload{p})
			if err == nil {
				out[i] = enc[0]
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c compression) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out, err := c.zlibCodec.Decode(payloads) // leaves every other encoding as it is
	if err != nil {
		return nil, err
	}
	for i, p := range out {
		if string(p.GetMetadata()[converter.MetadataEncoding]) != PublicZlibEncoding {
			continue
		}
		data, err := inflate(p.GetData())
		if err != nil {
			return nil, err
		}
		out[i] = &commonpb.Payload{Metadata: map[string][]byte{converter.MetadataEncoding: []byte(PublicEncoding)}, Data: data}
	}
	return out, nil
}

// compressPublic deflates a Public payload's JSON, when that makes it smaller.
func compressPublic(p *commonpb.Payload) (*commonpb.Payload, error) {
	if string(p.GetMetadata()[converter.MetadataEncoding]) != PublicEncoding || len(p.GetData()) < minCompress {
		return p, nil
	}
	data, err := deflate(p.GetData())
	if err != nil || len(data) >= len(p.GetData()) {
		return p, err
	}
	return &commonpb.Payload{Metadata: map[string][]byte{converter.MetadataEncoding: []byte(PublicZlibEncoding)}, Data: data}, nil
}
