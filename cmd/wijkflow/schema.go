package main

import (
	"io"

	"github.com/wijkflow/wijkflow/definitions"
)

const schemaUsage = "usage: wijkflow schema > definitions/schema.json\n\nPrints the JSON Schema of the process definition format."

// runSchema prints the JSON Schema that editors use to complete and check definition
// files; definitions/schema.json is its committed copy.
func runSchema(_ []string, stdout, _ io.Writer) error {
	b, err := definitions.Schema()
	if err != nil {
		return err
	}
	_, err = stdout.Write(b)
	return err
}
