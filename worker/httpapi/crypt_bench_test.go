package httpapi

import (
	"fmt"
	"testing"
	"time"
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
			e := newEnvCrypt(b, mode.encrypted)
			lat := make([]time.Duration, 0, b.N)
			for range b.N {
				b.StopTimer()
				v := e.newCase("coach")
				path := fmt.Sprintf("/cases/%s/tasks/%s/complete", v.ID, task(b, v, "melding").ID)
				b.StartTimer()
				start := time.Now()
				e.must(200, "coach", "POST", path, meldingData())
				lat = append(lat, time.Since(start))
			}
			reportPercentiles(b, lat)
		})
	}
}
