package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
)

// built is the image the tests share: one build written three ways, as a platform team
// would use the command.
type built struct {
	tar, oci string
	tag      name.Tag
	pushed   name.Reference // REF@digest, as printed
	digest   string         // sha256:…
	progress string         // what the build said on stderr
}

var (
	shared     built
	sharedErr  error
	sharedOnce sync.Once
	workDir    string
	registryTS *httptest.Server
)

func TestMain(m *testing.M) {
	var err error
	if workDir, err = os.MkdirTemp("", "wijkflow-image-test-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// An in-process registry, as a platform team's: the distribution API of
	// go-containerregistry, over plain HTTP (which it uses for 127.0.0.1).
	registryTS = httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	code := m.Run()
	registryTS.Close()
	os.RemoveAll(workDir)
	os.Exit(code)
}

// image builds the shared image once (deploy/build.sh and all) and returns it.
func image(t *testing.T) built {
	t.Helper()
	sharedOnce.Do(func() {
		shared = built{
			tar: filepath.Join(workDir, "wijkflow.tar"),
			oci: filepath.Join(workDir, "oci"),
			tag: name.MustParseReference("wijkflow:test").(name.Tag),
		}
		ref := strings.TrimPrefix(registryTS.URL, "http://") + "/gemeente/wijkflow:1.0"
		var stdout, stderr bytes.Buffer
		sharedErr = run(context.Background(), []string{"--tar", shared.tar, "--tag", "wijkflow:test", "--oci", shared.oci, "--push", ref}, "", &stdout, &stderr)
		shared.progress = stderr.String()
		if sharedErr != nil {
			return
		}
		if shared.pushed, sharedErr = name.ParseReference(strings.TrimSpace(stdout.String())); sharedErr != nil {
			return
		}
		shared.digest = shared.pushed.Identifier()
	})
	if sharedErr != nil {
		t.Fatalf("building the image: %v\n%s", sharedErr, shared.progress)
	}
	return shared
}
