//go:build !nodev

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rs/zerolog"
)

// devRecordsFile is where dev keeps the records of who read or changed which case: the
// API's audit lines and, with --access-log log, the access log.
const devRecordsFile = "access.log"

// devLogger is dev's log: readable lines on stderr, except the records (event audit or
// access), which go as JSON lines to access.log in the data dir (mode 0600). The demo
// seeding makes some fifty of them, and they would bury the start-up banner.
func devLogger(dataDir string, stderr io.Writer) (zerolog.Logger, func() error, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return zerolog.Logger{}, nil, err
	}
	f, err := os.OpenFile(filepath.Join(dataDir, devRecordsFile), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return zerolog.Logger{}, nil, fmt.Errorf("access log: %w", err)
	}
	console := zerolog.ConsoleWriter{Out: stderr, TimeFormat: "15:04:05", NoColor: !isTerminal(stderr)}
	return zerolog.New(recordSplit{console: console, records: f}).With().Timestamp().Logger(), f.Close, nil
}

// recordSplit sends each log line (one JSON object per Write, as zerolog writes them)
// to records when it is an audit or access record, else to console.
type recordSplit struct{ console, records io.Writer }

func (s recordSplit) Write(p []byte) (int, error) {
	var line struct {
		Event string `json:"event"`
	}
	if json.Unmarshal(p, &line) == nil && (line.Event == "audit" || line.Event == "access") {
		return s.records.Write(p)
	}
	return s.console.Write(p)
}
