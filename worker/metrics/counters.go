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

// FirstViews counts creates answered with their case's first view, by where the view
// came from: "first-task" (the case's first workflow task, run by this process's worker:
// worker/firstview) or "query" (another worker ran it, or it was not done in time).
var FirstViews = counter("wijkflow_case_first_views_total",
	"Creates answered with their case's first view, by where it came from (first-task or query).", "via")
