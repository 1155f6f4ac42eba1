package main

import (
	"archive/tar"
	"errors"
	"io"
	"testing"
	"time"
)

// TestSameInputsSameDigest assembles an image from fixed contents: the same contents
// and time give the same digest; another time gives another, and every file carries it.
func TestSameInputsSameDigest(t *testing.T) {
	c := contents{caCerts: []byte("-----BEGIN CERTIFICATE-----\n"), binary: []byte("\x7fELF"), definitions: nil}
	digest := func(epoch time.Time) string {
		t.Helper()
		s := source{module: "github.com/wijkflow/wijkflow", revision: "abc", version: "v1", epoch: epoch}
		layers, err := c.layers(s)
		if err != nil {
			t.Fatal(err)
		}
		img, err := assemble(layers, s, "arm64")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range layers {
			rc, err := l.layer.Uncompressed()
			if err != nil {
				t.Fatal(err)
			}
			tr := tar.NewReader(rc)
			for {
				h, err := tr.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if !h.ModTime.Equal(epoch) {
					t.Errorf("layer %s: %s dated %s, want %s", l.name, h.Name, h.ModTime, epoch)
				}
			}
			rc.Close()
		}
		cf, err := img.ConfigFile()
		if err != nil || cf.Architecture != "arm64" || cf.Variant != "v8" {
			t.Errorf("platform %s/%s (%v), want arm64 v8", cf.Architecture, cf.Variant, err)
		}
		d, err := img.Digest()
		if err != nil {
			t.Fatal(err)
		}
		return d.String()
	}
	a := time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)
	if d1, d2 := digest(a), digest(a); d1 != d2 {
		t.Errorf("one input, two digests: %s %s", d1, d2)
	}
	if d1, d2 := digest(a), digest(a.Add(time.Second)); d1 == d2 {
		t.Errorf("another time, the same digest %s", d1)
	}
}
