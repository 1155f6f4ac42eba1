package main

import (
	"archive/tar"
	"errors"
	"io"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// fakeImage assembles an image as the command does, from small stand-in contents (no
// build), and checks that every file of it is dated epoch.
func fakeImage(t *testing.T, epoch time.Time, arch string) v1.Image {
	t.Helper()
	c := contents{caCerts: []byte("-----BEGIN CERTIFICATE-----\n"), binary: []byte("\x7fELF " + arch)}
	s := source{module: "github.com/wijkflow/wijkflow", revision: "abc", version: "v1", epoch: epoch}
	layers, err := c.layers(s)
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
	img, err := assemble(layers, s, arch)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestSameInputsSameDigest: the same contents and time give the same digest; another
// time gives another.
func TestSameInputsSameDigest(t *testing.T) {
	digest := func(epoch time.Time) string {
		t.Helper()
		d, err := fakeImage(t, epoch, "amd64").Digest()
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
