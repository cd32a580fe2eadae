package risk

// ruleUnmitigated: a register risk whose inherent level is high or critical
// and that lists no mitigation.
var ruleUnmitigated = Rule{
	Code:       "unmitigated-high-risk",
	Title:      Text{"Risque élevé ou critique sans mesure d'atténuation", "High or critical risk without mitigation"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     3,
	Mitigation: Text{
		"Inscrire au moins une mesure d'atténuation, avec un responsable, un coût et une échéance, ou acter en comité l'acceptation du risque.",
		"List at least one mitigation, with an owner, a cost and a date, or record the committee's acceptance of the risk.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, rk := range in.Scenario.Risks {
			s := Inherent(rk)
			if s.Level < High || len(rk.Mitigations) > 0 {
				continue
			}
			out = append(out, finding{
				subjects: []string{rk.ID},
				explanation: textf("Le risque %s est de niveau %s (score %d) et aucune mesure ne le réduit.",
					"Risk %s is %s (score %d) and no mitigation reduces it.", in.label(rk.ID), words["level."+s.Level.String()], s.Score),
			})
		}
		return out
	},
}
