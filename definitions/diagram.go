package definitions

import (
	"strconv"
	"strings"
)

// Mermaid draws the definition as a Mermaid flowchart (top-down): one node per step in
// the order written, shaped by kind, labelled with the title and its clocks; arrows carry
// their condition, and escalation rungs that route the case are dotted arrows labelled
// with when they fire. The output depends only on d, so it can be compared in tests and
// diffed between versions.
func Mermaid(d *Definition) string {
	ids := make(map[string]string, len(d.Steps))
	for n, st := range d.Steps {
		if _, dup := ids[st.ID]; !dup {
			ids[st.ID] = "s" + strconv.Itoa(n)
		}
	}
	// Targets that are not steps (only in a broken definition) still get a node, so the
	// diagram shows the dangling arrow instead of silently dropping it.
	var unknown []string
	node := func(id string) string {
		if m, ok := ids[id]; ok {
			return m
		}
		m := "u" + strconv.Itoa(len(unknown))
		ids[id] = m
		unknown = append(unknown, id)
		return m
	}

	var b strings.Builder
	b.WriteString("flowchart TD\n")
	if d.Title != "" {
		b.WriteString("  %% " + mermaidComment(d.Title) + "\n")
	}
	if len(d.Steps) > 0 {
		b.WriteString("  start((\"start\")) --> " + node(d.Start) + "\n")
	}
	for _, st := range d.Steps {
		b.WriteString("  " + ids[st.ID] + mermaidShape(st.Kind, mermaidNodeLabel(d, st)) + "\n")
	}
	for _, st := range d.Steps {
		from := ids[st.ID]
		for _, t := range st.Next {
			label := t.Label
			switch {
			case label == "":
				label = t.When
			case t.When != "":
				label += " (" + t.When + ")" // the condition behind the designer's words
			}
			b.WriteString("  " + from + " -->" + mermaidEdgeLabel(label) + " " + node(t.Goto) + "\n")
		}
		if st.Timeout != "" {
			b.WriteString("  " + from + " -.->" + mermaidEdgeLabel("geen "+st.Event+" "+waitWords(st)) + " " + node(st.Timeout) + "\n")
		}
		for _, r := range st.Escalate {
			if r.Goto == "" {
				continue
			}
			b.WriteString("  " + from + " -.->" + mermaidEdgeLabel("na "+r.After.String()) + " " + node(r.Goto) + "\n")
		}
	}
	for _, id := range unknown {
		b.WriteString("  " + ids[id] + "[\"" + escapeMermaid("onbekende stap: "+id) + "\"]\n")
	}
	return b.String()
}

// mermaidShape wraps a quoted label in the Mermaid brackets of the step kind; a kind
// no one registered (only in a broken definition) is a plain box.
func mermaidShape(k Kind, label string) string {
	q := "\"" + label + "\""
	if spec := LookupKind(k); spec != nil {
		return spec.Shape(q)
	}
	return "[" + q + "]"
}

// mermaidNodeLabel is the title and what the step's kind says a reader of the diagram
// needs next to it: clocks for a task, the wait, the referral target, the recipient,
// the result.
func mermaidNodeLabel(d *Definition, st *Step) string {
	lines := []string{displayTitle(st)}
	if spec := LookupKind(st.Kind); spec != nil {
		lines = append(lines, spec.Lines(d, st)...)
	}
	for n, l := range lines {
		lines[n] = escapeMermaid(l)
	}
	return strings.Join(lines, "<br/>")
}

// displayTitle is a step's title, or its id.
func displayTitle(st *Step) string {
	if st.Title == "" {
		return st.ID
	}
	return st.Title
}

// termLines are a clock's lines: its term with where it counts from, the law, and each
// case that chooses another term ("≤ 3wd als crisis").
func termLines(d *Definition, prefix string, dl *Deadline) []string {
	lines := []string{prefix + mermaidClock(d, dl)}
	if dl.Law != "" {
		lines = append(lines, dl.Law)
	}
	for _, tc := range dl.Cases {
		l := prefix + tc.Within.String() + " als " + tc.When
		if tc.Law != "" {
			l += " (" + tc.Law + ")"
		}
		lines = append(lines, l)
	}
	return lines
}

// rungWords says what a rung of the escalation ladder does; a rung that only routes
// is drawn as its dotted arrow instead.
func rungWords(d *Definition, r Rung) string {
	var parts []string
	if r.Remind != "" {
		who := r.Remind
		if who != "assignee" {
			who = roleName(d, who)
		} else {
			who = "behandelaar"
		}
		parts = append(parts, "herinnering aan "+who)
	}
	if r.To != "" {
		parts = append(parts, "naar "+roleName(d, r.To))
	}
	if r.Stalled {
		parts = append(parts, "vastgelopen")
	}
	return strings.Join(parts, ", ")
}

// waitWords is the time a wait's timeout names: "na 6w" or "op datum_x".
func waitWords(st *Step) string {
	switch {
	case st.For != nil:
		return "na " + st.For.String()
	case st.Until != "":
		return "op " + st.Until
	}
	return ""
}

// roleName is a role's label, or its id.
func roleName(d *Definition, id string) string {
	if l := d.Roles[id]; l != "" {
		return l
	}
	return id
}

// stepTitleOf is a step's title, or its id.
func stepTitleOf(d *Definition, id string) string {
	if st := d.Steps.Step(id); st != nil && st.Title != "" {
		return st.Title
	}
	return id
}

// mermaidClock writes a term with its starting point, e.g. "6w vanaf melding".
func mermaidClock(d *Definition, dl *Deadline) string {
	s := dl.Within.String()
	switch dl.From {
	case "", "step":
		return s
	case "case":
		return s + " vanaf melding"
	}
	from := dl.From
	if st := d.Steps.Step(dl.From); st != nil && st.Title != "" {
		from = st.Title
	}
	if st := d.EndOf(dl.From); st != nil {
		from = "einde " + st.ID
		if st.Title != "" {
			from = "einde " + st.Title
		}
	}
	return s + " vanaf " + from
}

// mermaidEdgeLabel renders an arrow's label, or nothing for an unconditional arrow.
func mermaidEdgeLabel(s string) string {
	if s == "" {
		return ""
	}
	return "|\"" + escapeMermaid(s) + "\"|"
}

// mermaidEntities replaces the characters that would end a quoted Mermaid label or be
// read as HTML by Mermaid's entity codes. '#' is escaped too, because the codes start
// with it; a Replacer never rescans its own output, so the order does not matter.
var mermaidEntities = strings.NewReplacer(
	"#", "#35;",
	"\"", "#quot;",
	"<", "#lt;",
	">", "#gt;",
	"&", "#amp;",
	"|", "#124;",
	"\r\n", " ",
	"\n", " ",
	"\r", " ",
)

// escapeMermaid makes designer text safe inside a quoted Mermaid label.
func escapeMermaid(s string) string { return mermaidEntities.Replace(s) }

// mermaidComment keeps a Mermaid comment on one line.
func mermaidComment(s string) string { return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) }
