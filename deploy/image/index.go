package main

import (
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// result is what was built: one image, or an index of one image per platform (from
// which a registry client pulls its own).
type result struct {
	img v1.Image
	idx v1.ImageIndex
}

// taggable is the manifest to write, image or index.
func (r result) taggable() interface {
	remote.Taggable
	Digest() (v1.Hash, error)
} {
	if r.idx != nil {
		return r.idx
	}
	return r.img
}

// combine makes one result of the images, in the order of --arch: the image itself, or
// an OCI index naming each image's platform.
func combine(images []v1.Image) (result, error) {
	if len(images) == 1 {
		return result{img: images[0]}, nil
	}
	var adds []mutate.IndexAddendum
	for _, img := range images {
		cf, err := img.ConfigFile()
		if err != nil {
			return result{}, err
		}
		adds = append(adds, mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{
			MediaType: types.OCIManifestSchema1,
			Platform:  &v1.Platform{OS: cf.OS, Architecture: cf.Architecture, Variant: cf.Variant},
		}})
	}
	return result{idx: mutate.AppendManifests(mutate.IndexMediaType(empty.Index, types.OCIImageIndex), adds...)}, nil
}
