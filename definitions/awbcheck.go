package definitions

import (
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// awbChapter4 refuses verlenging (Awb 4:14) and opschorting (4:15) of a term that
// chapter 4 of the Awb does not govern: it governs beslistermijnen on an aanvraag,
// not the onderzoek after a melding (Wmo 2015 art. 2.3.2 lid 1), the resident's own
// terms or the bezwaartermijn. Such a term is one the catalogue marks as neither, or
// the term of a step whose function is melding or onderzoek.
func (c *checker) awbChapter4() {
	for _, s := range c.d.Steps {
		if s.Kind != KindTask || (s.Extendable == nil && !s.Suspendable) {
			continue
		}
		var a law.Article
		cited := false
		if s.Deadline != nil {
			a, cited = law.Cited(s.Deadline.Law)
			cited = cited && !a.Term.IsZero()
		}
		if !cited && (s.Function == FunctionOnderzoek || s.Function == FunctionMelding) {
			a, cited = law.Cited("Wmo 2015 art. 2.3.2 lid 1")
		}
		if !cited {
			continue
		}
		p := "steps." + s.ID
		var hint []words.Message
		if a.Cite == "Wmo 2015 art. 2.3.2 lid 1" { // the onderzoek
			hint = append(hint, words.Msg(words.ProblemAwbOnderzoekConsent))
		}
		if s.Extendable != nil && !a.Extendable {
			c.problemKey(p+".extendable", words.Msg(words.ProblemAwbNotGoverned, "law", a.Cite, "article", "Awb 4:14", "key", "extendable"), hint...)
		}
		if s.Suspendable && !a.Suspendable {
			c.problemKey(p+".suspendable", words.Msg(words.ProblemAwbNotGoverned, "law", a.Cite, "article", "Awb 4:15", "key", "suspendable"), hint...)
		}
	}
}
