package crypt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
	"google.golang.org/protobuf/proto"
)

// Metadata of an encrypted payload; none of it is personal data.
const (
	// Encoding is the metadata "encoding" of an encrypted payload.
	Encoding = "binary/encrypted"
	// MetaKeyID names the key that encrypted the payload.
	MetaKeyID = "encryption-key-id"
	// MetaCase is the case (workflow) id the payload belongs to; empty when the SDK gave
	// no workflow context (then only a worker can read it, never the codec endpoint).
	MetaCase = "wijkflow-case"
)

// Codec is a converter.PayloadCodec that encrypts with AES-256-GCM. The plain text is the
// whole original payload (metadata and data); the associated data binds the key id and
// the case id, so changing either in the metadata makes decryption fail.
type Codec struct {
	ring   *Keyring
	caseID string
}

// NewCodec returns a codec without a case; the SDK gives it the case through
// WithSerializationContext.
func NewCodec(r *Keyring) *Codec { return &Codec{ring: r} }

// WithSerializationContext binds the payloads to the workflow (case) they belong to.
func (c *Codec) WithSerializationContext(sc converter.SerializationContext) converter.PayloadCodec {
	switch s := sc.(type) {
	case converter.WorkflowSerializationContext:
		return &Codec{ring: c.ring, caseID: s.WorkflowID}
	case converter.ActivitySerializationContext:
		return &Codec{ring: c.ring, caseID: s.WorkflowID}
	}
	return c
}

// Encode encrypts every payload with the newest key, except a Public one (public.go).
func (c *Codec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if IsPublic(p) {
			out[i] = p
			continue
		}
		plain, err := proto.Marshal(p)
		if err != nil {
			return payloads, fmt.Errorf("encrypt payload: %w", err)
		}
		id := c.ring.Newest()
		gcm, err := newGCM(c.ring.secret(id))
		if err != nil {
			return payloads, err
		}
		nonce := make([]byte, gcm.NonceSize())
		rand.Read(nonce) // never fails (crypto/rand)
		meta := map[string][]byte{
			converter.MetadataEncoding: []byte(Encoding),
			MetaKeyID:                  []byte(id),
		}
		if c.caseID != "" {
			meta[MetaCase] = []byte(c.caseID)
		}
		out[i] = &commonpb.Payload{
			Metadata: meta,
			Data:     gcm.Seal(nonce, nonce, plain, aad(id, c.caseID)),
		}
	}
	return out, nil
}

// Decode decrypts the encrypted payloads with the key their metadata names and leaves
// others as they are (payloads written before encryption was on).
func (c *Codec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if !IsEncrypted(p) {
			out[i] = p
			continue
		}
		plain, err := c.open(p)
		if err != nil {
			return payloads, err
		}
		out[i] = plain
	}
	return out, nil
}

// ErrUnknownKey: the payload names a key that is not in the keyring (a key removed too
// early). Not retryable: the same worker will never have it.
var ErrUnknownKey = errors.New("payload encrypted with a key that is not loaded")

func (c *Codec) open(p *commonpb.Payload) (*commonpb.Payload, error) {
	id := string(p.Metadata[MetaKeyID])
	secret := c.ring.secret(id)
	if secret == nil {
		return nil, fmt.Errorf("%w: %q; load it with the other keys", ErrUnknownKey, id)
	}
	gcm, err := newGCM(secret)
	if err != nil {
		return nil, err
	}
	ns := gcm.NonceSize()
	if len(p.Data) < ns {
		return nil, errors.New("decrypt payload: too short")
	}
	plain, err := gcm.Open(nil, p.Data[:ns], p.Data[ns:], aad(id, CaseOf(p)))
	if err != nil {
		return nil, fmt.Errorf("decrypt payload with key %q: %w", id, err)
	}
	out := &commonpb.Payload{}
	if err := proto.Unmarshal(plain, out); err != nil {
		return nil, fmt.Errorf("decrypt payload: %w", err)
	}
	return out, nil
}

// IsEncrypted reports whether p was encrypted by a Codec.
func IsEncrypted(p *commonpb.Payload) bool {
	return string(p.GetMetadata()[converter.MetadataEncoding]) == Encoding
}

// CaseOf is the case id an encrypted payload is bound to ("" when none).
func CaseOf(p *commonpb.Payload) string { return string(p.GetMetadata()[MetaCase]) }

func aad(keyID, caseID string) []byte { return []byte("wijkflow/v1\x00" + keyID + "\x00" + caseID) }

func newGCM(secret []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(secret)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// DataConverter is the SDK's default converter with every payload compressed and
// encrypted (Codecs), but the values of Public types (public.go).
func (r *Keyring) DataConverter() converter.DataConverter {
	return converter.NewCodecDataConverter(baseConverter(), r.Codecs()...)
}

// FailureConverter puts failure messages and stack traces into an encrypted payload too:
// an error may quote what it failed on. The failure's type stays plain (the API maps it).
func (r *Keyring) FailureConverter() converter.FailureConverter {
	return temporal.NewDefaultFailureConverter(temporal.DefaultFailureConverterOptions{
		DataConverter:          r.DataConverter(),
		EncodeCommonAttributes: true,
	})
}
