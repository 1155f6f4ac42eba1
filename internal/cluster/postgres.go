package cluster

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// Postgres is a PostgreSQL server in a directory of its own, on a free port of
// 127.0.0.1, trusting local connections: a test database, never a production one.
type Postgres struct {
	// Port is its TCP port on 127.0.0.1.
	Port int
	bin  string // folder of initdb, pg_ctl, psql
	dir  string // owned by the postgres user when we are root
}

// pgBin finds PostgreSQL's programs: on the PATH, or where Debian's packages put them.
func pgBin() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Dir(real), nil
		}
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(found) == 0 {
		return "", errors.New("PostgreSQL not found: install Debian's postgresql (apt-get install postgresql), as .ci/run does")
	}
	return filepath.Dir(found[len(found)-1]), nil
}

// StartPostgres initialises a database cluster in a new temporary folder and starts it.
// As root it runs as the postgres user (PostgreSQL refuses root), in a folder that user
// owns.
func StartPostgres(port int) (*Postgres, error) {
	bin, err := pgBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "wijkflow-postgres-")
	if err != nil {
		return nil, err
	}
	pg := &Postgres{Port: port, bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root, PostgreSQL needs the postgres user (Debian's postgresql package makes it): %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if _, err := pg.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"); err != nil {
		return nil, err
	}
	// Temporal's services each keep a pool; 100 connections (the default) is tight.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=300", port, dir)
	if _, err := pg.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "postgres.log"), "-w", "-t", "120", "-o", opts, "start"); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, tail(filepath.Join(dir, "postgres.log"), 2000))
	}
	if _, err := pg.SQL("postgres", "CREATE ROLE temporal LOGIN CREATEDB PASSWORD 'temporal'"); err != nil {
		pg.Stop()
		return nil, err
	}
	return pg, nil
}

// run runs one of PostgreSQL's programs, as the postgres user when we are root.
func (pg *Postgres) run(program string, args ...string) (string, error) {
	path := filepath.Join(pg.bin, program)
	if os.Geteuid() == 0 && program != "psql" {
		args = append([]string{"-u", "postgres", "--", path}, args...)
		path = "runuser"
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = pg.dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s%s", program, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String(), nil
}

// SQL runs query in database db as the superuser and returns its rows, one a line,
// columns separated by tabs.
func (pg *Postgres) SQL(db, query string) (string, error) {
	return pg.run("psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
		"-h", "127.0.0.1", "-p", strconv.Itoa(pg.Port), "-U", "postgres", "-d", db, "-c", query)
}

// Stop stops the server (fast: no waiting for clients) and removes its folder.
func (pg *Postgres) Stop() {
	_, _ = pg.run("pg_ctl", "-D", filepath.Join(pg.dir, "data"), "-m", "fast", "-w", "stop")
	_ = os.RemoveAll(pg.dir)
}

// Pid is the postmaster's process id (the first line of postmaster.pid); its
// backends are its children.
func (pg *Postgres) Pid() int {
	b, err := os.ReadFile(filepath.Join(pg.dir, "data", "postmaster.pid"))
	if err != nil {
		return 0
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, _ := strconv.Atoi(strings.TrimSpace(first))
	return pid
}
