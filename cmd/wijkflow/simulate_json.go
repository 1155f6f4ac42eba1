package main

import (
	"encoding/json"
	"io"

	"github.com/wijkflow/wijkflow/internal/simulate"
	"github.com/wijkflow/wijkflow/internal/words"
)

// writeSimulationJSON writes the Dutch report as a JSON array of cases, for programs;
// exit 1 when a case had problems, as the report does.
func writeSimulationJSON(w io.Writer, results []simulate.Result) error {
	blocks := []simulate.Block{}
	problems := 0
	for _, r := range results {
		b := r.BlockIn(words.NL)
		problems += len(b.Problems)
		blocks = append(blocks, b)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(blocks); err != nil {
		return err
	}
	if problems > 0 {
		return errExit(1)
	}
	return nil
}
