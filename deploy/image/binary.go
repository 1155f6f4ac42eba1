package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// buildBinary runs deploy/build.sh, the Dockerfile's build step, for linux/arch and
// returns the binary's bytes. Its output goes to progress only when it fails.
func buildBinary(ctx context.Context, root, arch, tmp string) ([]byte, error) {
	out := filepath.Join(tmp, "wijkflow")
	cmd := exec.CommandContext(ctx, "sh", filepath.Join("deploy", "build.sh"), out)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH="+arch)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("deploy/build.sh: %v\n%s", err, log.Bytes())
	}
	return os.ReadFile(out)
}
