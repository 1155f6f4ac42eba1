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

// IsPublic reports whether p holds a Public value, unencrypted.
func IsPublic(p *commonpb.Payload) bool {
	return string(p.GetMetadata()[converter.MetadataEncoding]) == PublicEncoding
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
