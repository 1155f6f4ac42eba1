package cluster

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// temporalModule is the Temporal server's module; its version in go.mod is the one built.
const temporalModule = "go.temporal.io/server"

// Binaries are the programs of the topology.
type Binaries struct {
	// TemporalVersion is the server module's version in go.mod, e.g. v1.32.1.
	TemporalVersion string
	// Server is Temporal's server (go.temporal.io/server/cmd/server).
	Server string
	// SQLTool is temporal-sql-tool (go.temporal.io/server/cmd/tools/sql).
	SQLTool string
	// Wijkflow is this repository's wijkflow command.
	Wijkflow string
}

// Build makes the binaries of the repository at root: Temporal's two from the module
// proxy, cached in root/.cache/bin/temporal-<version> (a few minutes the first time),
// and wijkflow into dir (seconds, from Go's build cache).
func Build(root, dir string) (Binaries, error) {
	var b Binaries
	out, err := goCmd(root, nil, "list", "-m", "-f", "{{.Version}}", temporalModule)
	if err != nil {
		return b, err
	}
	version := strings.TrimSpace(out)
	b.TemporalVersion = version
	bin := filepath.Join(root, ".cache", "bin", "temporal-"+version)
	b.Server, b.SQLTool = filepath.Join(bin, "server"), filepath.Join(bin, "sql")
	if !exists(b.Server) || !exists(b.SQLTool) {
		if err := installTemporal(root, bin, version); err != nil {
			return b, err
		}
	}
	b.Wijkflow, err = BuildWijkflow(root, dir)
	return b, err
}

// BuildWijkflow builds the repository's wijkflow command into dir and returns its path.
func BuildWijkflow(root, dir string) (string, error) {
	path := filepath.Join(dir, "wijkflow")
	_, err := goCmd(root, nil, "build", "-o", path, "./cmd/wijkflow")
	return path, err
}

// installTemporal builds the server and the SQL tool of version outside our module
// (`go install …@version` resolves the server's own go.mod, so our go.sum need not list
// its command's dependencies) and moves them into bin only when both are built.
func installTemporal(root, bin, version string) error {
	tmp, err := os.MkdirTemp(filepath.Join(root, ".cache"), "temporal-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if _, err := goCmd(root, []string{"GOBIN=" + tmp}, "install",
		temporalModule+"/cmd/server@"+version, temporalModule+"/cmd/tools/sql@"+version); err != nil {
		return err
	}
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"sql", "server"} { // server last: its presence means done
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(bin, name)); err != nil {
			return err
		}
	}
	return nil
}

// goCmd runs the go command in dir and returns its standard output.
func goCmd(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String(), nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
