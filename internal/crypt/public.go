package crypt

import (
	"encoding/json"
	"fmt"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

// PublicEncoding is the metadata "encoding" of a payload that holds no personal data
// by construction: the Codec leaves it as it is, so that visibility readers (the
// monitor) count it without a key. Only values of a type that implements Public get it.
const PublicEncoding = "json/wijkflow-public"

// Public is implemented by a type whose values hold no personal data by construction
// (ids, codes, times and counts; its package proves that with a test over its fields).
// Its values are converted as JSON with PublicEncoding and not encrypted.
type Public interface{ PublicPayload() }

// publicConverter converts values of Public types; it declines every other value, so
// they go on to the default converters and are encrypted.
type publicConverter struct{}

func (publicConverter) ToPayload(v any) (*commonpb.Payload, error) {
	if _, ok := v.(Public); !ok {
		return nil, nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("public payload: %w", err)
	}
	return &commonpb.Payload{Metadata: map[string][]byte{converter.MetadataEncoding: []byte(PublicEncoding)}, Data: data}, nil
}

func (publicConverter) FromPayload(p *commonpb.Payload, valuePtr any) error {
	return json.Unmarshal(p.GetData(), valuePtr)
}

func (publicConverter) ToString(p *commonpb.Payload) string { return string(p.GetData()) }

func (publicConverter) Encoding() string { return PublicEncoding }

// PublicZlibEncoding is the encoding of a Public payload as stored: its JSON deflated
// (zlib), still unencrypted. The compression codec writes it (chain.go) and turns it
// back into PublicEncoding when decoding; a reader of raw memos uses PublicJSON. The
// facts record is published at every transition, so compressing it took a Dalfsen
// case's stored history from 76 KB to about half.
const PublicZlibEncoding = "binary/wijkflow-public-zlib"

// IsPublic reports whether p holds a Public value, unencrypted (compressed or not).
func IsPublic(p *commonpb.Payload) bool {
	switch string(p.GetMetadata()[converter.MetadataEncoding]) {
	case PublicEncoding, PublicZlibEncoding:
		return true
	}
	return false
}

// PublicJSON is the JSON of a Public payload as stored, compressed or not, for readers
// without the codec chain (the monitor reads memos as visibility lists them).
func PublicJSON(p *commonpb.Payload) ([]byte, error) {
	switch string(p.GetMetadata()[converter.MetadataEncoding]) {
	case PublicEncoding:
		return p.GetData(), nil
	case PublicZlibEncoding:
		return inflate(p.GetData())
	}
	return nil, fmt.Errorf("payload encoded %q is not public", p.GetMetadata()[converter.MetadataEncoding])
}

// baseConverter is the SDK's default converter with Public values converted first.
func baseConverter() converter.DataConverter {
	return converter.NewCompositeDataConverter(
		publicConverter{},
		converter.NewNilPayloadConverter(),
		converter.NewByteSlicePayloadConverter(),
		converter.NewProtoJSONPayloadConverter(),
		converter.NewProtoPayloadConverter(),
		converter.NewJSONPayloadConverter(),
	)
}
