package crypt

import (
	"bytes"
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/proto"
)

// zlibEncoding is the encoding of a compressed payload, as the SDK's zlib codec
// (converter.NewZlibCodec) writes and reads it: the whole payload, marshalled, deflated.
const zlibEncoding = "binary/zlib"

// minCompress is the smallest marshalled payload worth compressing: below it zlib's
// header and checksum (6 bytes) and the new metadata eat what deflate saves, so the
// SDK's codec would keep the payload as it is anyway, after paying for the attempt.
const minCompress = 64

// zlibCodec writes and reads the format of the SDK's zlib codec — a payload the one
// compressed the other reads (TestZlibSameAsSDK) — with its compressors and
// decompressors reused. The SDK's codec makes a new compressor per payload: some 800 KB
// allocated for a payload of a few hundred bytes, which on a busy worker took an eighth
// of its CPU plus the garbage collection after it (BenchmarkZlib). The SDK's own comment
// on it: "callers may prefer alternatives for lots of small payloads". Reused, Go's own
// compress/flate still clears some 600 KB of match tables on every Reset, most of the
// cost of a payload this size; klauspost/compress (already in the build through
// Temporal's server) writes the same zlib stream with encoders that reset by moving an
// offset: about half the CPU for these payloads (BenchmarkZlib), at the same size.
type zlibCodec struct{}

// level is klauspost's level 6, its strongest fast encoder: the shipped Dalfsen path
// stores 56.5 KB of history with it, 56.3 KB with Go's default level, 56.8 KB with
// klauspost's default (5) (BenchmarkHistoryBytes in workflows).
const level = 6

var (
	writers = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, level); return w }}
	readers sync.Pool // of io.ReadCloser that are also zlib.Resetter; none until the first read
)

// Encode compresses each payload that comes out smaller; the others it leaves as they are.
func (zlibCodec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		b, err := proto.Marshal(p)
		if err != nil {
			return payloads, err
		}
		if len(b) < minCompress {
			out[i] = p
			continue
		}
		data, err := deflate(b)
		if err != nil {
			return payloads, err
		}
		if len(data) >= len(b) {
			out[i] = p
			continue
		}
		out[i] = &commonpb.Payload{
			Metadata: map[string][]byte{converter.MetadataEncoding: []byte(zlibEncoding)},
			Data:     data,
		}
	}
	return out, nil
}

// Decode inflates each binary/zlib payload; any other it leaves as it is (payloads
// written before compression, or not worth it).
func (zlibCodec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if string(p.GetMetadata()[converter.MetadataEncoding]) != zlibEncoding {
			out[i] = p
			continue
		}
		b, err := inflate(p.GetData())
		if err != nil {
			return payloads, err
		}
		out[i] = &commonpb.Payload{}
		if err := proto.Unmarshal(b, out[i]); err != nil {
			return payloads, err
		}
	}
	return out, nil
}

// deflate compresses b with a reused compressor.
func deflate(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/2 + 16)
	w := writers.Get().(*zlib.Writer)
	w.Reset(&buf)
	_, err := w.Write(b)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	writers.Put(w)
	return buf.Bytes(), err
}

// inflate reads what deflate (or any zlib writer) wrote, with a reused decompressor.
func inflate(data []byte) ([]byte, error) {
	src := bytes.NewReader(data)
	var r io.ReadCloser
	if pooled, ok := readers.Get().(io.ReadCloser); ok {
		if err := pooled.(zlib.Resetter).Reset(src, nil); err != nil {
			return nil, err // a corrupt header; the reader is dropped
		}
		r = pooled
	} else {
		var err error
		if r, err = zlib.NewReader(src); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	buf.Grow(4 * len(data))
	_, err := buf.ReadFrom(r)
	if cerr := r.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	readers.Put(r)
	return buf.Bytes(), nil
}
