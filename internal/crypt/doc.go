// Package crypt encrypts every payload wijkflow writes to Temporal with AES-256-GCM.
//
// A Keyring holds one or more named 256-bit keys: the newest encrypts, every key
// decrypts, so cases started before a rotation stay readable. Its DataConverter wraps the
// SDK's default converter in converter.NewCodecDataConverter with the chain Codecs: the
// SDK's zlib codec, then the Codec of this package; give it (and FailureConverter) to every client, worker and replayer:
//
//	ring, err := crypt.LoadFile("keys")
//	opts := client.Options{DataConverter: ring.DataConverter(), FailureConverter: ring.FailureConverter()}
//
// An encrypted payload keeps only non-personal metadata in plain text: the encoding
// (binary/encrypted), the key id and the case (workflow) id it belongs to. The case id is
// bound to the ciphertext as associated data, so a payload cannot be relabelled as
// another case's; the codec endpoint authorises a decode by that case's gemeente.
//
// Keys are also the root of the actor signatures (Keyring.MAC): one secret to keep.
package crypt
