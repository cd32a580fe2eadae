package risk

// ruleSpanOverLimit: units with more direct reports than the limit, one risk
// per unit template (all its instances above the limit together).
var ruleSpanOverLimit = Rule{
	Code:       "span-over-limit",
	Title:      Text{"Étendue de contrôle excessive", "Span of control over the limit"},
	Category:   "operational",
	Likelihood: 3,
	Impact:     2,
	Mitigation: Text{
		"Ajouter un niveau intermédiaire (coordination régionale, chef de pôle) ou regrouper les unités rattachées.",
		"Add an intermediate level (regional coordination, team leads) or group the units that report to it.",
	},
	check: func(in *Input) []finding {
		s := in.Analysis.Structure
		var order []string
		over := map[string][]string{} // template -> instances above the limit
		widest := map[string]int{}
		for _, sp := range s.OverSpan {
			tpl := sp.Unit
			if inst := in.instance(sp.Unit); inst != nil {
				tpl = inst.Template
			}
			if _, ok := over[tpl]; !ok {
				order = append(order, tpl)
			}
			over[tpl] = append(over[tpl], sp.Unit)
			widest[tpl] = max(widest[tpl], sp.Subordinates)
		}
		var out []finding
		for _, tpl := range sortedStrings(order) {
			insts := over[tpl]
			f := finding{subjects: []string{tpl}}
			if len(insts) == 1 && insts[0] == tpl {
				f.explanation = textf("%s a %d subordonnés directs, pour une limite de %d.",
					"%s has %d direct reports, over the limit of %d.", in.label(tpl), widest[tpl], s.MaxSpan)
			} else {
				f.subjects = append(f.subjects, insts...)
				f.explanation = byCount(len(insts),
					textf("1 unité de %s dépasse la limite de %d subordonnés directs : elle en a %d.",
						"1 unit of %s is over the limit of %d direct reports: it has %d.", in.label(tpl), s.MaxSpan, widest[tpl]),
					textf("%d unités de %s dépassent la limite de %d subordonnés directs (jusqu'à %d).",
						"%d units of %s are over the limit of %d direct reports (up to %d).", len(insts), in.label(tpl), s.MaxSpan, widest[tpl]))
			}
			out = append(out, f)
		}
		return out
	},
}
