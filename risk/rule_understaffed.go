package risk

import "github.com/orgdesign/orgdesign/analysis"

// ruleUnderstaffed: territorial units staffed below the service standards,
// one finding per unit template (subjects: the template, then its instances
// short of staff).
//
// The standards are held against each place's staff, not each unit's: the
// units of a standard's tier at one place (or, unplaced, at the centre)
// share that place's demand, so their planned staff is pooled and the
// requirement counted once — an idle sub-unit added at the same tier and
// place changes nothing. A place short of staff is the finding of its main
// unit (the most staff planned there; the first declared on a tie).
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
		for _, p := range staffPools(in.Analysis.Capacity.Instances) {
			if p.gap() <= 0 {
				continue
			}
			main := p.main()
			s := by[main.Template]
			if s == nil {
				s = &short{}
				by[main.Template] = s
				order = append(order, main.Template)
			}
			s.instances = append(s.instances, main.Instance)
			s.planned += p.planned()
			s.required += p.required()
			s.total += p.gap()
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

// staffPool is the units of one tier at one place, held together against
// the standards of that tier.
type staffPool struct {
	units []analysis.InstanceCapacity
	// lines are the tier's standards, in the order every unit of the tier
	// lists them (analysis.InstanceCapacity.Profiles): planned staff summed
	// over the units, the requirement counted once.
	lines []analysis.ProfileGap
}

// staffPools groups the instances the standards apply to by tier and place,
// in order of first appearance.
func staffPools(list []analysis.InstanceCapacity) []*staffPool {
	var pools []*staffPool
	by := map[[2]string]*staffPool{}
	for _, ic := range list {
		k := [2]string{ic.Tier, ic.Place}
		p := by[k]
		if p == nil {
			p = &staffPool{}
			by[k] = p
			pools = append(pools, p)
		}
		p.units = append(p.units, ic)
		for j, pg := range ic.Profiles {
			if j == len(p.lines) {
				p.lines = append(p.lines, analysis.ProfileGap{Profile: pg.Profile})
			}
			p.lines[j].Planned += pg.Planned
			p.lines[j].Required = max(p.lines[j].Required, pg.Required) // one place's demand: one requirement
		}
	}
	return pools
}

func (p *staffPool) planned() int {
	n := 0
	for _, l := range p.lines {
		n += l.Planned
	}
	return n
}

func (p *staffPool) required() int {
	n := 0
	for _, l := range p.lines {
		n += l.Required
	}
	return n
}

// gap is the staff the place lacks, net over the standards as
// analysis.InstanceCapacity.Gap counts it for one unit.
func (p *staffPool) gap() int { return p.required() - p.planned() }

// main is the unit with the most staff planned, the first on a tie.
func (p *staffPool) main() analysis.InstanceCapacity {
	best := p.units[0]
	for _, u := range p.units[1:] {
		if u.Planned > best.Planned {
			best = u
		}
	}
	return best
}
