package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// nonroot is distroless's unprivileged user and group; the Kubernetes manifests run the
// container as it (runAsUser: 65532).
const nonroot = 65532

// systemCACerts is where Debian, Ubuntu and Alpine keep the CA bundle. The image keeps it
// at the same path, where Go's crypto/x509 looks first on Linux.
const systemCACerts = "/etc/ssl/certs/ca-certificates.crt"

// The account files of distroless/static (nonroot variant): names for the ids, so tools
// that show a user show nonroot, and a home that is the working directory.
const (
	passwd = "root:x:0:0:root:/root:/sbin/nologin\n" +
		"nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n" +
		"nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n"
	group = "root:x:0:\n" +
		"nobody:x:65534:\n" +
		"tty:x:5:\n" +
		"staff:x:50:\n" +
		"nonroot:x:65532:\n"
	// nsswitch.conf makes Go's resolver read /etc/hosts before DNS, as on distroless.
	nsswitch = "hosts: files dns\n"
)

// homeDir is the nonroot user's home and the image's working directory.
const homeDir = "/home/nonroot"

// baseEntries are the files distroless/static would give a static binary, other than its
// time zone data (the binary counts in Europe/Amsterdam built from the EU rule,
// definitions/law) and its licence texts. caCerts is the CA bundle; nil leaves it out.
func baseEntries(caCerts []byte) []entry {
	entries := []entry{
		rootFile("/etc/passwd", 0o644, []byte(passwd)),
		rootFile("/etc/group", 0o644, []byte(group)),
		rootFile("/etc/nsswitch.conf", 0o644, []byte(nsswitch)),
		rootDir("/tmp", fs.ModeSticky|0o777),
		rootDir("/home", 0o755),
		{path: homeDir, mode: fs.ModeDir | 0o700, uid: nonroot, gid: nonroot},
	}
	if caCerts == nil {
		return entries
	}
	return append(entries, rootFile(systemCACerts, 0o644, caCerts))
}

// readCACerts reads the CA bundle to copy. The build machine's own may be missing (then
// the image has none, and say tells why); one given with --ca-certs must be there.
func readCACerts(o options, say func(string, ...any)) ([]byte, error) {
	if o.caFile == "" {
		return nil, nil
	}
	certs, err := os.ReadFile(o.caFile)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !o.caAsked:
		say("warning: no %s on this machine, so the image has no CA certificates: the worker then verifies TLS only with --tls-ca, an OpenID provider not at all; give --ca-certs FILE", o.caFile)
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("--ca-certs: %w", err)
	case !bytes.Contains(certs, []byte("-----BEGIN CERTIFICATE-----")):
		return nil, fmt.Errorf("--ca-certs %s: no PEM certificate in it", o.caFile)
	}
	return certs, nil
}
