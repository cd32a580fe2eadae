package risk

// ruleUnderstaffed: territorial units staffed below the service standards,
// one finding per unit template (subjects: the template, then its instances
// short of staff).
//
// The standards are held against each place's staff, not each unit's, as
// the analysis holds them (analysis.PlaceCapacity): an idle sub-unit added
// at the same tier and place changes nothing. A place short of staff is the
// finding of its main unit (the most staff planned there; the first
// declared on a tie).
var ruleUnderstaffed = Rule{
	Code:       "understaffed-territory",
	Title:      Text{"Unités territoriales en sous-effectif", "Territorial units staffed below the standards"},
	Category:   "hr",
	Likelihood: 4,
	Impact:     3,
	Mitigation: Text{
		"Recruter ou redéployer vers les unités en déficit, ou réviser la norme de service en atelier et l'assumer.",
		"Recruit or redeploy staff to the units short of it, or revise the service standard in a workshop and own the change.",
	},
	check: func(in *Input) []finding {
		type short struct {
			instances                []string
			planned, required, total int
		}
		var order []string
		by := map[string]*short{}
		for _, p := range in.Analysis.Capacity.Places {
			if p.Gap <= 0 {
				continue
			}
			s := by[p.Template]
			if s == nil {
				s = &short{}
				by[p.Template] = s
				order = append(order, p.Template)
			}
			s.instances = append(s.instances, p.Main)
			s.planned += p.Planned
			s.required += p.Required
			s.total += p.Gap
		}
		var out []finding
		for _, tpl := range sortedStrings(order) {
			s := by[tpl]
			subjects := []string{tpl}
			for _, id := range s.instances {
				if id != tpl {
					subjects = append(subjects, id)
				}
			}
			out = append(out, finding{
				subjects: subjects,
				explanation: textf("%s de %s %s de %d %s au regard des normes de service (effectif prévu : %d, requis : %d).",
					"%s of %s %s %d %s against the service standards (planned: %d, required: %d).",
					byCount(len(s.instances), Text{"1 unité", "1 unit"}, textf("%d unités", "%d units", len(s.instances))), in.label(tpl),
					byCount(len(s.instances), Text{"manque", "lacks"}, Text{"manquent", "lack"}),
					s.total, byCount(s.total, Text{"agent", "staff"}, Text{"agents", "staff"}), s.planned, s.required),
			})
		}
		return out
	},
}
