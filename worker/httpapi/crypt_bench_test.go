package httpapi

import (
	"testing"
)

// BenchmarkCompleteEncryption compares completing a task through the API with every
// payload encrypted and the actor signed and verified (as wijkflow runs) against the
// same without (as it ran before): go test ./worker/httpapi -run '^$'
// -bench CompleteEncryption -benchtime=200x. The ratio of the two ns/op is the cost.
func BenchmarkCompleteEncryption(b *testing.B) {
	for _, mode := range []struct {
		name      string
		encrypted bool
	}{{"plain", false}, {"encrypted", true}} {
		b.Run(mode.name, func(b *testing.B) {
			benchComplete(b, newEnvCrypt(b, mode.encrypted))
		})
	}
}
