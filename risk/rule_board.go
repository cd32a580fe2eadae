package risk

import "github.com/orgdesign/orgdesign/model"

// ruleBoardIndependence: a board without independent members, or no board at
// all (subject `agency`).
var ruleBoardIndependence = Rule{
	Code:       "board-without-independents",
	Title:      Text{"Conseil sans membres indépendants", "Board without independent members"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     3,
	Mitigation: Text{
		"Prévoir dans le texte constitutif des administrateurs indépendants (au moins un tiers) et un comité d'audit qu'ils président.",
		"Provide in the founding text for independent directors (a third at least) and an audit committee chaired by one of them.",
	},
	check: func(in *Input) []finding {
		var out []finding
		boards := 0
		for _, b := range in.Scenario.Bodies {
			if b.Kind != "board" {
				continue
			}
			boards++
			if b.IndependentMembers > 0 {
				continue
			}
			out = append(out, finding{
				subjects: []string{b.ID},
				explanation: textf("%s ne compte aucun membre indépendant : le contrôle de la direction repose sur les seules administrations représentées.",
					"%s has no independent member: oversight of management rests on the represented administrations alone.", in.label(b.ID)),
			})
		}
		if boards == 0 {
			out = append(out, finding{
				subjects: []string{model.Reserved},
				explanation: Text{"L'agence n'a pas de conseil d'administration : aucune instance collégiale ne contrôle sa direction.",
					"The agency has no board: no collective body oversees its management."},
			})
		}
		return out
	},
}
