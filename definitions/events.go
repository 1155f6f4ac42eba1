package definitions

// Events lists the events a definition's wait steps wait for, each with its step, in
// file order.
func (d *Definition) Events() []*Step {
	var out []*Step
	for _, s := range d.Steps {
		if s.Kind == KindWait && s.Event != "" {
			out = append(out, s)
		}
	}
	return out
}
