package risk

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// rulePersonalData: an interface carrying personal data across the agency's
// boundary (analysis.Systems.PersonalData: one of its systems is not owned by
// the agency's units, or has no owner, which counts as crossing) without a
// legal basis, or with one but without a signed agreement — a lower-level
// finding: the agreement is to conclude. One finding per interface; an
// exchange between two of the agency's own systems is internal, and one
// between two outside parties' systems is not the agency's: none.
var rulePersonalData = Rule{
	Code:       "personal-data-unprotected",
	Title:      Text{"Données personnelles échangées avec un autre organisme sans convention signée ou sans base légale", "Personal data exchanged with another body without a signed agreement or a legal basis"},
	Category:   "legal",
	Likelihood: 3,
	Impact:     4,
	Mitigation: Text{
		"Signer une convention d'échange de données qui cite sa base légale, et la soumettre à l'autorité de protection des données.",
		"Sign a data-sharing agreement that cites its legal basis, and submit it to the data protection authority.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, is := range in.Analysis.Systems.PersonalData {
			f := finding{subjects: []string{is.Interface}}
			ends := textf("%s → %s", "%s → %s", in.label(is.From), in.label(is.To))
			if slices.Contains(is.Problems, "no-legal-basis") {
				var problems []Text
				if slices.Contains(is.Problems, "no-signed-agreement") {
					problems = append(problems, Text{"sans convention signée", "without a signed agreement"})
				}
				problems = append(problems, Text{"sans base légale", "without a legal basis"})
				f.explanation = textf("L'interface %s (%s) échange des données personnelles entre l'agence et un autre organisme %s.",
					"Interface %s (%s) exchanges personal data between the agency and another body %s.", is.Interface, ends, joinTexts(problems))
			} else {
				f.title = Text{"Convention d'échange de données à conclure", "Data-sharing agreement to conclude"}
				f.likelihood, f.impact = 2, 4
				f.explanation = textf("L'interface %s (%s) échange des données personnelles entre l'agence et un autre organisme sur une base légale (%s), sans convention signée : la convention est à conclure.",
					"Interface %s (%s) exchanges personal data between the agency and another body on a legal basis (%s), without a signed agreement: the agreement is to conclude.",
					is.Interface, ends, legalBasis(in, is.Interface))
			}
			if is.BoundaryUnknown {
				f.explanation = textf("%s %s", "%s %s", f.explanation, Text{
					"Un des deux systèmes n'a pas de propriétaire déclaré : la frontière de l'agence est inconnue, l'échange est traité comme la franchissant.",
					"One of the two systems has no declared owner: the agency's boundary is unknown, so the exchange is treated as crossing it."})
			}
			out = append(out, f)
		}
		return out
	},
}

// legalBasis is the legal basis an interface declares.
func legalBasis(in *Input, id string) string {
	if e := in.Scenario.Lookup(id); e != nil {
		if x, ok := e.Item.(*model.Interface); ok {
			return x.LegalBasis
		}
	}
	return ""
}
