package definitions

import (
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// lawTerms holds every deadline that cites a term of the catalogue (law.Cited) to that
// term: its length, and where it counts from. A term case is held to its own law:, or
// else to the deadline's, which the case workflow shows beside it. A citation the
// catalogue does not know is left alone, and so is a norm (its law: is an error of its
// own, ProblemNormHasLaw).
func (c *checker) lawTerms() {
	for _, s := range c.d.Steps {
		dl := s.Deadline
		if dl == nil {
			continue
		}
		p := "steps." + s.ID + ".deadline"
		c.lawTerm(dl.Law, dl.Within, dl.From, p+".within", p+".from")
		for k, tc := range dl.Cases {
			cite := tc.Law
			if cite == "" {
				cite = dl.Law
			}
			if !tc.Within.IsZero() {
				// A case has no from: of its own; its within is what it writes.
				at := p + ".cases[" + strconv.Itoa(k) + "].within"
				c.lawTerm(cite, tc.Within, dl.From, at, at)
			}
		}
	}
}

// lawTerm checks one term of within, counted from from, against the article cite
// names; a wrong length is said at withinAt, a wrong start alone at fromAt.
func (c *checker) lawTerm(cite string, within law.Duration, from, withinAt, fromAt string) {
	a, ok := law.Cited(cite)
	if !ok || a.Term.IsZero() || within.IsZero() {
		return
	}
	here := c.startOf(from)
	if here == startUnknown {
		return
	}
	sameLength := law.SameLength(within, a.Term)
	if sameLength && startFits(a.From, here) {
		return
	}
	at := withinAt
	if sameLength {
		at = fromAt // the length is right; where it counts from is not
	}
	if c.isBad(at) {
		return
	}
	fix := a.Term.String()
	switch a.From {
	case law.FromMelding:
		fix += ", from: case"
	case law.FromEindeBezwaartermijn:
		fix += ", from: " + c.bezwaartermijn() + endSuffix
	}
	c.sayAll(at, []words.Message{
		words.Msg(statuteCodes[a.From], "law", a.Cite, "term", a.Term.String()),
		hereFrom(within, from, here),
		words.Msg(words.ProblemLawUseNorm, "fix", fix, "source", a.Source),
	})
}

// bezwaartermijn is the id of the wait for a bezwaar whose end a decision on the
// bezwaar counts from: a wait with for: and function: bezwaar, or else a placeholder.
func (c *checker) bezwaartermijn() string {
	for _, s := range c.d.Steps {
		if s.Function == FunctionBezwaar && c.d.EndOf(s.ID+endSuffix) != nil {
			return s.ID
		}
	}
	return "bezwaartermijn"
}

// statuteCodes say a statutory term by the event it counts from.
var statuteCodes = map[law.Start]words.Code{
	law.FromMelding:             words.ProblemLawTermMelding,
	law.FromAanvraag:            words.ProblemLawTermAanvraag,
	law.FromVerzoek:             words.ProblemLawTermVerzoek,
	law.FromBekendmaking:        words.ProblemLawTermBekendmaking,
	law.FromEindeBezwaartermijn: words.ProblemLawTermEindeBezwaar,
}

// termStart is where a definition's term counts from, as the case workflow reads from:.
type termStart int

const (
	startStep      termStart = iota // "" or "step": the step's own start
	startCase                       // "case": the melding
	startOtherStep                  // another step's start
	startField                      // a date field
	startStepEnd                    // the end of a wait step's term ("bezwaartermijn.end")
	startUnknown                    // neither: reported by the check of references
)

// startOf reads a deadline's from:.
func (c *checker) startOf(from string) termStart {
	switch {
	case from == "" || from == "step":
		return startStep
	case from == "case":
		return startCase
	case c.steps[from] != nil:
		return startOtherStep
	case c.fields.Field(from) != nil:
		return startField
	case c.d.EndOf(from) != nil:
		return startStepEnd
	}
	return startUnknown
}

// startFits reports whether a term counted from here can be the statutory one. A
// melding is the start of the case; an aanvraag or verzoek may come in with the case
// or at any step; a besluit is made known after the case began, so its bezwaartermijn
// never counts from the melding.
func startFits(statute law.Start, here termStart) bool {
	switch statute {
	case law.FromMelding:
		return here == startCase
	case law.FromBekendmaking:
		return here != startCase
	case law.FromEindeBezwaartermijn:
		return here == startStepEnd
	}
	return true
}

// hereFrom says this definition's term and where it counts from.
func hereFrom(within law.Duration, from string, here termStart) words.Message {
	w := within.String()
	switch here {
	case startCase:
		return words.Msg(words.ProblemLawHereCase, "within", w)
	case startOtherStep:
		return words.Msg(words.ProblemLawHereOtherStep, "within", w, "step", strconv.Quote(from))
	case startField:
		return words.Msg(words.ProblemLawHereField, "within", w, "field", strconv.Quote(from))
	case startStepEnd:
		return words.Msg(words.ProblemLawHereStepEnd, "within", w, "step", strconv.Quote(strings.TrimSuffix(from, endSuffix)))
	}
	return words.Msg(words.ProblemLawHereStep, "within", w)
}
