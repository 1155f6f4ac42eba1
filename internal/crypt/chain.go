package crypt

import "go.temporal.io/sdk/converter"

// Codecs is the codec chain of every client, worker, replayer and the codec endpoint, in
// the order converter.NewCodecDataConverter takes it: decoding runs first to last,
// encoding last to first. So a payload is compressed (the SDK's zlib codec) before it is
// encrypted — ciphertext does not compress — and decrypted before it is inflated.
//
// Both directions keep old payloads readable: the zlib codec leaves a payload that is not
// binary/zlib as it is (payloads written before compression was on, and payloads that
// compression would not shrink), and the Codec leaves one that is not encrypted.
func (r *Keyring) Codecs() []converter.PayloadCodec {
	return []converter.PayloadCodec{NewCodec(r), Compression()}
}

// Compression is the zlib codec of the chain; it only replaces a payload when that makes
// it smaller.
func Compression() converter.PayloadCodec {
	return converter.NewZlibCodec(converter.ZlibCodecOptions{})
}
