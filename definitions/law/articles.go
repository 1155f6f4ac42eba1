package law

import "strings"

// Start is the event a statutory term counts from. Every term counts from the day
// after that event (Due; for the bezwaartermijn Awb 6:8 says so in as many words).
type Start string

// The events the terms of the catalogue count from.
const (
	// FromMelding is the melding of a need for support: the start of the case.
	FromMelding Start = "melding"
	// FromAanvraag is the receipt of the aanvraag, which may come in at any step
	// (a step's start, a date field, or the case when the aanvraag starts it).
	FromAanvraag Start = "aanvraag"
	// FromVerzoek is the verzoek om schuldhulpverlening, which, like an aanvraag, may
	// come in at the start of the case or at a later step.
	FromVerzoek Start = "verzoek"
	// FromBekendmaking is the bekendmaking of a besluit (Awb 6:8): a date field or the
	// step after the besluit went out, never the melding that started the case.
	FromBekendmaking Start = "bekendmaking"
	// FromEindeBezwaartermijn is the end of the bezwaartermijn (Awb 7:10 lid 1: "gerekend
	// vanaf de dag na die waarop de termijn voor het indienen van het bezwaarschrift is
	// verstreken"), not the day the bezwaar came in: the end of a wait step's term.
	FromEindeBezwaartermijn Start = "einde-bezwaartermijn"
)

// Article is a term of the law that wijkflow's definitions cite: what the law says,
// so that the validator can hold a deadline's law: to it.
type Article struct {
	// Cite is how the term is cited, exactly as a definition writes it.
	Cite string
	// Also are other citations of the same term (e.g. the article without its lid).
	Also []string
	// What is what must happen within the term, in Dutch, for people.
	What string
	// Term is the statutory term; zero for an article that sets none of its own
	// (verlenging and opschorting change another term).
	Term Duration
	// From is the event the term counts from.
	From Start
	// Suspendable and Extendable say whether opschorting (Awb 4:15) and verlenging
	// (Awb 4:14) apply to the term by law. A definition may still make a term
	// suspendable "naar analogie", in agreement with the resident.
	Suspendable, Extendable bool
	// SuspendedBy and ExtendedBy cite the articles that allow opschorting and
	// verlenging where they are not Awb 4:15 and 4:14 (Awb 7:10 lid 2 and 3 for the
	// decision on a bezwaar); see Suspension and Extension.
	SuspendedBy, ExtendedBy string
	// Source is the article on wetten.overheid.nl (a stable jci link).
	Source string
}

// The laws, by their number in the Basiswettenbestand, for the jci links.
const (
	wmo = "https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel="
	awb = "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel="
	wgs = "https://wetten.overheid.nl/jci1.3:c:BWBR0031541&artikel="
)

// articles is the catalogue, in the order of the designer guide's table. Each term is
// as the law reads on 1 December 2026; see the comment of each.
var articles = []Article{
	{
		// "… het onderzoek … binnen zes weken na de melding": a term for the
		// onderzoek, not a beslistermijn (the melding is no aanvraag), so Awb 4:14 and
		// 4:15 do not apply to it; exceeding it lets the resident file an aanvraag.
		Cite: "Wmo 2015 art. 2.3.2 lid 1", Also: []string{"Wmo 2015 art. 2.3.2"},
		What: "onderzoek na de melding afronden", Term: Duration{6, Week}, From: FromMelding,
		Source: wmo + "2.3.2&lid=1",
	},
	{
		// "… in de gelegenheid … binnen zeven dagen na de melding een persoonlijk
		// plan te overhandigen": the resident's term.
		Cite: "Wmo 2015 art. 2.3.2 lid 2",
		What: "de inwoner mag een persoonlijk plan overhandigen", Term: Duration{7, Day}, From: FromMelding,
		Source: wmo + "2.3.2&lid=2",
	},
	{
		// "Het college beslist binnen twee weken na ontvangst van de aanvraag": a
		// statutory beslistermijn, so Awb 4:14 lid 1 and 4:15 apply.
		Cite: "Wmo 2015 art. 2.3.5", Also: []string{"Wmo 2015 art. 2.3.5 lid 1"},
		What: "beschikken op de aanvraag", Term: Duration{2, Week}, From: FromAanvraag,
		Suspendable: true, Extendable: true, Source: wmo + "2.3.5&lid=1",
	},
	{
		// The Jeugdwet sets no beslistermijn for a beschikking on jeugdhulp, so the
		// redelijke termijn of Awb 4:13 lid 2 holds: at most 8 weeks.
		Cite: "Awb 4:13 (Jeugdwet)", Also: []string{"Jeugdwet (Awb 4:13)"},
		What: "beschikken op de aanvraag jeugdhulp", Term: Duration{8, Week}, From: FromAanvraag,
		Suspendable: true, Extendable: true, Source: awb + "4:13",
	},
	{
		// Likewise the Participatiewet for an aanvraag om bijstand.
		Cite: "Awb 4:13 (Participatiewet)", Also: []string{"Participatiewet (Awb 4:13)"},
		What: "beschikken op de aanvraag bijstand", Term: Duration{8, Week}, From: FromAanvraag,
		Suspendable: true, Extendable: true, Source: awb + "4:13",
	},
	{
		// Lid 1: within the statutory term, or else a redelijke termijn; lid 2: that
		// redelijke termijn is at most 8 weeks after receipt of the aanvraag.
		Cite: "Awb 4:13", Also: []string{"Awb 4:13 lid 2"},
		What: "beschikken op een aanvraag zonder wettelijke termijn", Term: Duration{8, Week}, From: FromAanvraag,
		Suspendable: true, Extendable: true, Source: awb + "4:13",
	},
	{
		// Verlenging: the bestuursorgaan tells the aanvrager and names a new term "zo
		// kort mogelijk"; it sets no length of its own (extendable: in a definition).
		Cite: "Awb 4:14", What: "verlengen van de beslistermijn, met bericht aan de aanvrager",
		From: FromAanvraag, Source: awb + "4:14",
	},
	{
		// Opschorting, e.g. lid 1 a: while the aanvrager supplies what is missing
		// (suspendable: and stops: in a definition); no length of its own.
		Cite: "Awb 4:15", What: "opschorten van de beslistermijn",
		From: FromAanvraag, Source: awb + "4:15",
	},
	{
		// "De termijn voor het indienen van een bezwaar- of beroepschrift bedraagt zes
		// weken"; Awb 6:8 lid 1: "met ingang van de dag na die waarop het besluit op
		// de voorgeschreven wijze is bekendgemaakt". The resident's term.
		Cite: "Awb 6:7", Also: []string{"Awb 6:7 en 6:8", "Awb 6:8"},
		What: "de inwoner mag bezwaar maken", Term: Duration{6, Week}, From: FromBekendmaking,
		Source: awb + "6:7",
	},
	{
		// Awb 7:10 lid 1: "binnen zes weken ... gerekend vanaf de dag na die waarop de
		// termijn voor het indienen van het bezwaarschrift is verstreken". Lid 2 suspends
		// it while the indiener repairs a verzuim (6:6); lid 3 lets the bestuursorgaan
		// verdagen by at most six weeks (extendable: 6w); chapter 4 does not apply, 7:10
		// says both itself.
		Cite: "Awb 7:10 lid 1", Also: []string{"Awb 7:10"},
		What: "beslissen op het bezwaar", Term: Duration{6, Week}, From: FromEindeBezwaartermijn,
		Suspendable: true, Extendable: true, SuspendedBy: "Awb 7:10 lid 2", ExtendedBy: "Awb 7:10 lid 3",
		Source: awb + "7:10",
	},
	{
		// Awb 7:10 lid 1: "of – indien een commissie als bedoeld in artikel 7:13 is
		// ingesteld – binnen twaalf weken": with an adviescommissie.
		Cite: "Awb 7:10 lid 1 (adviescommissie)", Also: []string{"Awb 7:10 (adviescommissie)", "Awb 7:10 en 7:13"},
		What: "beslissen op het bezwaar na advies van een commissie (7:13)", Term: Duration{12, Week}, From: FromEindeBezwaartermijn,
		Suspendable: true, Extendable: true, SuspendedBy: "Awb 7:10 lid 2", ExtendedBy: "Awb 7:10 lid 3",
		Source: awb + "7:10",
	},
	{
		// Awb 7:10 lid 3: "Het bestuursorgaan kan de beslissing voor ten hoogste zes
		// weken verdagen" (with notice); no term of its own: extendable: 6w at most.
		// Further postponement (lid 4) needs the indiener's consent.
		Cite: "Awb 7:10 lid 3", What: "verdagen van de beslissing op bezwaar, ten hoogste 6 weken, met bericht",
		From: FromEindeBezwaartermijn, Source: awb + "7:10",
	},
	{
		// Wgs art. 4a lid 1: "binnen vier weken na dat verzoek een eerste gesprek".
		// Unsure: the numbering after the amendment of 1 January 2021 (art. 4 became
		// 4a) is from memory and not checked against the consolidated text here.
		Cite: "Wgs art. 4a lid 1", Also: []string{"Wgs art. 4a"},
		What: "eerste gesprek na het verzoek om schuldhulpverlening", Term: Duration{4, Week}, From: FromVerzoek,
		Source: wgs + "4a&lid=1",
	},
	{
		// Wgs art. 4a lid 2: "binnen drie werkdagen" when there is a threatening
		// situation (ontruiming, afsluiting van energie of water, opzegging van de
		// zorgverzekering). Unsure, as lid 1: the article's number.
		Cite: "Wgs art. 4a lid 2",
		What: "eerste gesprek bij een bedreigende situatie", Term: Duration{3, WorkingDay}, From: FromVerzoek,
		Source: wgs + "4a&lid=2",
	},
}

// Articles is the catalogue of terms that wijkflow knows, as the designer guide lists
// them. The slice is a copy: changing it changes nothing.
func Articles() []Article {
	out := make([]Article, len(articles))
	copy(out, articles)
	return out
}

// Cited finds the article a citation names, as a definition's law: writes it ("Wmo 2015
// art. 2.3.2", "Awb 4:13 (Jeugdwet)"). Case, spacing and "artikel" for "art." do not
// matter; any other difference does, so an unknown citation is not guessed at.
func Cited(citation string) (Article, bool) {
	want := citeKey(citation)
	for _, a := range articles {
		if citeKey(a.Cite) == want {
			return a, true
		}
		for _, c := range a.Also {
			if citeKey(c) == want {
				return a, true
			}
		}
	}
	return Article{}, false
}

// citeKey is a citation with case, spacing and the spelling of "artikel" made equal.
func citeKey(s string) string {
	fields := strings.Fields(strings.ToLower(s))
	for i, f := range fields {
		if f == "artikel" || f == "art" {
			fields[i] = "art."
		}
	}
	return strings.Join(fields, " ")
}

// SameLength reports whether two terms are equally long as the law counts them: a week
// is 7 days (Due counts both the same way); working days, days and clock units are
// not interchangeable.
func SameLength(a, b Duration) bool {
	norm := func(d Duration) Duration {
		if d.Unit == Week {
			return Duration{d.N * 7, Day}
		}
		return d
	}
	return norm(a) == norm(b)
}

// Suspension cites the article that allows opschorting of the term: Awb 4:15 unless
// the article says otherwise.
func (a Article) Suspension() string { return orDefault(a.SuspendedBy, "Awb 4:15") }

// Extension cites the article that allows verlenging of the term: Awb 4:14 unless the
// article says otherwise.
func (a Article) Extension() string { return orDefault(a.ExtendedBy, "Awb 4:14") }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
