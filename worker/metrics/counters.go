package metrics

import "github.com/prometheus/client_golang/prometheus"

// DefinitionReloads counts loads of the definitions folder after the first, by
// outcome: "published" (the folder was sound) or "refused" (the previous versions stay).
var DefinitionReloads = counter("wijkflow_definition_reloads_total",
	"Loads of the definitions folder after start, by outcome (published or refused).", "outcome")

// CodecDecodes counts payloads the codec endpoint was asked to decode, by outcome:
// "allowed" (a case of the caller's gemeente) or "denied" (left encrypted).
var CodecDecodes = counter("wijkflow_codec_decodes_total",
	"Payloads the codec endpoint was asked to decode, by outcome (allowed or denied).", "outcome")

func counter(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	Registry.MustRegister(c)
	return c
}
