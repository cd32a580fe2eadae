package risk

// ruleUnderstaffed: territorial units staffed below the service standards,
// one risk per unit template (subjects: the template, then its instances
// short of staff).
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
		for _, ic := range in.Analysis.Capacity.Instances {
			if ic.Gap <= 0 {
				continue
			}
			s := by[ic.Template]
			if s == nil {
				s = &short{}
				by[ic.Template] = s
				order = append(order, ic.Template)
			}
			s.instances = append(s.instances, ic.Instance)
			s.planned += ic.Planned
			s.required += ic.Required
			s.total += ic.Gap
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
				explanation: textf("%d unité(s) de %s manquent de %d agents au regard des normes de service (%d prévus pour %d requis).",
					"%d unit(s) of %s lack %d staff against the service standards (%d planned for %d required).",
					len(s.instances), in.label(tpl), s.total, s.planned, s.required),
			})
		}
		return out
	},
}
