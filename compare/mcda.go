package compare

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// AllGroups is the weights key that stands for every group a criterion's
// weights do not name, and the one group when the study names none.
const AllGroups = "all"

// tieTolerance is how close two scores must be to share a rank.
const tieTolerance = 1e-9

// The reasons a value is missing.
const (
	MissingScore      = "no-score"       // no workshop score for the scenario
	MissingTransition = "no-transition"  // the scenario has no transition section
	MissingBenchmark  = "no-benchmark"   // no benchmark country to measure a distance to
	MissingMetric     = "unknown-metric" // the criterion names no metric the tool computes, and is not scored
	MissingBenefits   = "no-benefits"    // admin-share: the scenario declares no benefits paid (demand.benefitsPerYear)
	MissingStandards  = "no-standards"   // capacity-gap: the standards require no staff (none declared, or no demand)
)

// How a criterion's values are brought to 0–1 (Criterion.Scale).
const (
	ScaleScores   = "scores"   // a scored criterion: its fixed 1–5 scale
	ScaleDeclared = "declared" // a computed criterion's own `scale: { worst, best }`
	ScaleNatural  = "natural"  // a share without a declared scale: 0 to 1 (capacity-gap)
	ScaleOptions  = "options"  // min–max over the options compared: it depends on them
)

// Ranking is the multi-criteria ranking of the scenarios.
type Ranking struct {
	Scenarios  []string       `json:"scenarios"` // in the set's order
	Criteria   []Criterion    `json:"criteria"`  // in the study's order
	Groups     []string       `json:"groups"`    // the groups ranked, in order
	Unweighted []string       `json:"unweightedGroups"`
	Combined   GroupRanking   `json:"combined"`
	ByGroup    []GroupRanking `json:"byGroup"` // every group that weighs a criterion; without ranks when all its criteria are left out
	Missing    []Missing      `json:"missing"`
	// Reversal says whether the combined ranking depends on which options
	// are compared; nil without a combined ranking.
	Reversal *Reversal `json:"rankReversal"`

	// What the sensitivity analysis perturbs: per ranked group, the raw
	// weight of each criterion (0 when the group does not count it) and the
	// normalised values [group][criterion][scenario].
	raw  [][]float64
	norm [][][]float64
}

// Criterion is one criterion evaluated on every scenario.
type Criterion struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Metric      string  `json:"metric,omitempty"`
	Scored      bool    `json:"scored,omitempty"`
	Direction   string  `json:"direction"`
	GroupScores bool    `json:"groupScores,omitempty"` // some group has scores of its own
	Weight      float64 `json:"weight"`                // combined weight, 0–1; 0 when no ranking counts it
	Values      []Value `json:"values"`                // in the set's order; scored: the common value
	// Scale says how the values are brought to 0–1: ScaleScores,
	// ScaleDeclared, ScaleNatural (each fixed: Worst is worth 0, Best 1) or
	// ScaleOptions (min–max over the options compared; Worst and Best nil).
	Scale string   `json:"scale"`
	Worst *float64 `json:"worst"`
	Best  *float64 `json:"best"`
}

// Value is a criterion's value for one scenario.
type Value struct {
	Scenario   string   `json:"scenario"`
	Value      *float64 `json:"value"`      // nil when missing
	Normalised *float64 `json:"normalised"` // 0–1 with the direction; nil when some scenario's value is missing
}

// GroupRanking is the ranking of one group, or the combined one.
type GroupRanking struct {
	Group   string   `json:"group,omitempty"` // empty for the combined ranking
	Weights []Weight `json:"weights"`         // the criteria counted, in the study's order
	LeftOut []string `json:"leftOut"`         // criteria the group weighs, left out for missing values
	Ranks   []Place  `json:"ranking"`         // best first
}

// Weight is a criterion's weight in a ranking.
type Weight struct {
	Criterion string  `json:"criterion"`
	Raw       float64 `json:"raw,omitempty"` // as written in the study (0 for the combined ranking)
	Share     float64 `json:"share"`         // normalised: the shares of a ranking sum to 1
}

// Place is one scenario's place in a ranking.
type Place struct {
	Scenario      string         `json:"scenario"`
	Rank          int            `json:"rank"`
	Score         float64        `json:"score"` // 0–1
	Contributions []Contribution `json:"contributions"`
}

// Contribution is what one criterion adds to a scenario's score: its share
// times the scenario's normalised value.
type Contribution struct {
	Criterion string  `json:"criterion"`
	Value     float64 `json:"value"`
}

// Missing is a value the ranking could not have.
type Missing struct {
	Criterion string   `json:"criterion"`
	Scenario  string   `json:"scenario"`
	Reason    string   `json:"reason"`
	Groups    []string `json:"groups"` // the groups whose ranking leaves the criterion out because of it
}

// Leader returns the top-ranked scenario of a ranking, or "".
func (g *GroupRanking) Leader() string {
	if len(g.Ranks) == 0 {
		return ""
	}
	return g.Ranks[0].Scenario
}

// Direction returns a criterion's direction: the one its scale implies
// (worst above best: min), else as written, else max for a scored criterion
// and the offices and service-points metrics, min for every other metric.
func Direction(c *model.Criterion) string {
	switch {
	case c.Scale != nil && c.Scale.Worst > c.Scale.Best:
		return "min"
	case c.Scale != nil && c.Scale.Worst < c.Scale.Best:
		return "max"
	case c.Direction != "":
		return c.Direction
	case c.Scored || c.Metric == "offices" || c.Metric == "service-points":
		return "max"
	}
	return "min"
}

// scale is how a criterion's values are brought to 0–1.
type scale struct {
	kind        string // ScaleScores, ScaleDeclared, ScaleNatural or ScaleOptions
	worst, best float64
	direction   string
}

// scaleOf returns a criterion's scale: a scored criterion's fixed 1–5, a
// declared one, the natural 0–1 of a share (capacity-gap), else min–max over
// the options compared.
func scaleOf(c *model.Criterion) scale {
	dir := Direction(c)
	sc := scale{kind: ScaleOptions, direction: dir}
	switch {
	case c.Scored:
		sc.kind, sc.worst, sc.best = ScaleScores, 1, 5
	case c.Scale != nil && c.Scale.Worst != c.Scale.Best:
		sc.kind, sc.worst, sc.best = ScaleDeclared, c.Scale.Worst, c.Scale.Best
		return sc
	case c.Metric == "capacity-gap":
		sc.kind, sc.worst, sc.best = ScaleNatural, 0, 1
	default:
		return sc
	}
	if dir == "min" {
		sc.worst, sc.best = sc.best, sc.worst
	}
	return sc
}

// fixed reports whether a scale is the same whatever the options compared.
func (sc scale) fixed() bool { return sc.kind != ScaleOptions }

// weightOf returns a criterion's raw weight for a group.
func weightOf(c *model.Criterion, group string) float64 {
	if len(c.Weights) == 0 {
		return 1
	}
	w, ok := c.Weights[group]
	if !ok {
		w = c.Weights[AllGroups]
	}
	return max(w, 0)
}

// groupsOf lists the study's groups: the stakeholders', in their order;
// when no stakeholder has a group, those named by the weights, then by the
// scores (a study that declares groups names no other: model.LoadSet).
func groupsOf(s *model.Study) []string {
	var out []string
	add := func(g string) {
		if g != "" && g != AllGroups && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	for _, st := range s.Stakeholders {
		add(st.Group)
	}
	if len(out) > 0 {
		return out
	}
	for _, c := range s.Criteria {
		for _, g := range slices.Sorted(maps.Keys(c.Weights)) {
			add(g)
		}
	}
	for _, sc := range s.Scores {
		add(sc.Group)
	}
	if len(out) == 0 {
		out = []string{AllGroups}
	}
	return out
}

// values holds a criterion's values: the common ones and a group's own.
type values struct {
	common  []*float64
	own     map[string][]*float64 // group -> per scenario, nil where the group has no score of its own
	reasons []string              // per scenario, why the common value is missing
}

func (v *values) of(group string, s int) *float64 {
	if own := v.own[group]; own != nil && own[s] != nil {
		return own[s]
	}
	return v.common[s]
}

// criterionValues evaluates one criterion on every scenario.
func criterionValues(c *model.Criterion, scores []*model.Score, figs []Figures) values {
	n := len(figs)
	v := values{common: make([]*float64, n), own: map[string][]*float64{}, reasons: make([]string, n)}
	if c.Scored {
		index := map[string]int{}
		for i, f := range figs {
			index[f.Scenario] = i
		}
		plain := make([][]float64, n)
		byGroup := map[string][][]float64{}
		for _, sc := range scores {
			i, ok := index[sc.Scenario]
			if sc.Criterion != c.ID || !ok {
				continue
			}
			if sc.Group == "" {
				plain[i] = append(plain[i], sc.Value)
				continue
			}
			if byGroup[sc.Group] == nil {
				byGroup[sc.Group] = make([][]float64, n)
			}
			byGroup[sc.Group][i] = append(byGroup[sc.Group][i], sc.Value)
		}
		for g, per := range byGroup {
			v.own[g] = make([]*float64, n)
			for i, list := range per {
				v.own[g][i] = mean(list)
			}
		}
		for i := range n {
			v.common[i] = mean(plain[i])
			if v.common[i] == nil { // every score names a group: the mean of the groups' means
				var means []float64
				for _, g := range slices.Sorted(maps.Keys(v.own)) {
					if m := v.own[g][i]; m != nil {
						means = append(means, *m)
					}
				}
				v.common[i] = mean(means)
			}
			if v.common[i] == nil {
				v.reasons[i] = MissingScore
			}
		}
		return v
	}
	for i := range figs {
		x, ok := figs[i].Metric(c.Metric)
		if ok {
			v.common[i] = &x
			continue
		}
		switch c.Metric {
		case "transition-cost", "transition-months":
			v.reasons[i] = MissingTransition
		case "benchmark-distance":
			v.reasons[i] = MissingBenchmark
		case "admin-share":
			v.reasons[i] = MissingBenefits
		case "capacity-gap":
			v.reasons[i] = MissingStandards
		default:
			v.reasons[i] = MissingMetric
		}
	}
	return v
}

func mean(list []float64) *float64 {
	if len(list) == 0 {
		return nil
	}
	s := 0.0
	for _, x := range list {
		s += x
	}
	m := s / float64(len(list))
	return &m
}

// normalise maps values to 0–1 on a scale: a fixed one, (v − worst) /
// (best − worst) clamped to 0–1; else min–max with the direction, all equal
// giving 0.5 each. It returns nil when a value is missing.
func normalise(vals []*float64, sc scale) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if v == nil {
			return nil
		}
		lo, hi = min(lo, *v), max(hi, *v)
	}
	out := make([]float64, len(vals))
	for i, v := range vals {
		switch {
		case sc.fixed():
			out[i] = min(max((*v-sc.worst)/(sc.best-sc.worst), 0), 1)
		case hi == lo:
			out[i] = 0.5
		case sc.direction == "max":
			out[i] = (*v - lo) / (hi - lo)
		default:
			out[i] = (hi - *v) / (hi - lo)
		}
	}
	return out
}

// Rank evaluates every criterion of a study on the scenarios' figures and
// ranks the scenarios for each group and combined, and says whether removing
// one option would reorder the others (see the package doc).
func Rank(study *model.Study, figs []Figures) *Ranking {
	r := rank(study, figs)
	r.reversal(study, figs)
	return r
}

// rank is Rank without the rank-reversal test.
func rank(study *model.Study, figs []Figures) *Ranking {
	n := len(figs)
	r := &Ranking{Scenarios: make([]string, n), Criteria: []Criterion{}, Groups: []string{}, Unweighted: []string{},
		ByGroup: []GroupRanking{}, Missing: []Missing{}}
	for i, f := range figs {
		r.Scenarios[i] = f.Scenario
	}
	all := groupsOf(study)
	vals := make([]values, len(study.Criteria))
	for ci, c := range study.Criteria {
		vals[ci] = criterionValues(c, study.Scores, figs)
		sc := scaleOf(c)
		cr := Criterion{ID: c.ID, Title: c.Title, Metric: c.Metric, Scored: c.Scored, Direction: sc.direction,
			GroupScores: len(vals[ci].own) > 0, Values: make([]Value, n), Scale: sc.kind}
		if sc.fixed() {
			worst, best := sc.worst, sc.best
			cr.Worst, cr.Best = &worst, &best
		}
		norm := normalise(vals[ci].common, sc)
		for s := range n {
			cr.Values[s] = Value{Scenario: figs[s].Scenario, Value: vals[ci].common[s]}
			if norm != nil {
				cr.Values[s].Normalised = &norm[s]
			}
		}
		r.Criteria = append(r.Criteria, cr)
	}
	for _, g := range all {
		gr := GroupRanking{Group: g, Weights: []Weight{}, LeftOut: []string{}}
		raw := make([]float64, len(study.Criteria))
		norm := make([][]float64, len(study.Criteria))
		total, weighs := 0.0, false
		for ci, c := range study.Criteria {
			w := weightOf(c, g)
			if w == 0 {
				continue
			}
			weighs = true
			gv := make([]*float64, n)
			for s := range n {
				gv[s] = vals[ci].of(g, s)
			}
			if norm[ci] = normalise(gv, scaleOf(c)); norm[ci] == nil {
				gr.LeftOut = append(gr.LeftOut, c.ID)
				continue
			}
			raw[ci], total = w, total+w
		}
		if !weighs || total == 0 {
			if !weighs {
				r.Unweighted = append(r.Unweighted, g)
			} else {
				r.ByGroup = append(r.ByGroup, gr) // every criterion it weighs is left out: no ranking
			}
			continue
		}
		for ci, c := range study.Criteria {
			if raw[ci] > 0 {
				gr.Weights = append(gr.Weights, Weight{Criterion: c.ID, Raw: raw[ci], Share: raw[ci] / total})
			}
		}
		gr.Ranks = ranks(r.Scenarios, study.Criteria, groupShares(raw), norm)
		r.Groups = append(r.Groups, g)
		r.ByGroup = append(r.ByGroup, gr)
		r.raw = append(r.raw, raw)
		r.norm = append(r.norm, norm)
	}
	r.missing(study, vals)
	r.combine(study.Criteria)
	return r
}

// groupShares normalises raw weights to sum to 1.
func groupShares(raw []float64) []float64 {
	total := 0.0
	for _, w := range raw {
		total += w
	}
	out := make([]float64, len(raw))
	if total == 0 {
		return out
	}
	for i, w := range raw {
		out[i] = w / total
	}
	return out
}

// ranks scores the scenarios with shares and normalised values per criterion.
func ranks(scenarios []string, criteria []*model.Criterion, shares []float64, norm [][]float64) []Place {
	out := make([]Place, len(scenarios))
	for s, id := range scenarios {
		out[s] = Place{Scenario: id, Contributions: []Contribution{}}
		for ci, c := range criteria {
			if shares[ci] == 0 {
				continue
			}
			v := shares[ci] * norm[ci][s]
			out[s].Score += v
			out[s].Contributions = append(out[s].Contributions, Contribution{Criterion: c.ID, Value: v})
		}
	}
	order(out)
	return out
}

// order sorts ranks best first, the set's order among equal scores, and
// numbers them (equal scores share a rank).
func order(rs []Place) {
	idx := map[string]int{}
	for i, r := range rs {
		idx[r.Scenario] = i
	}
	slices.SortStableFunc(rs, func(a, b Place) int {
		if math.Abs(a.Score-b.Score) <= tieTolerance {
			return cmp.Compare(idx[a.Scenario], idx[b.Scenario])
		}
		return cmp.Compare(b.Score, a.Score)
	})
	for i := range rs {
		rs[i].Rank = i + 1
		if i > 0 && math.Abs(rs[i].Score-rs[i-1].Score) <= tieTolerance {
			rs[i].Rank = rs[i-1].Rank
		}
	}
}

// combine averages the groups' rankings into the combined one.
func (r *Ranking) combine(criteria []*model.Criterion) {
	r.Combined = GroupRanking{Weights: []Weight{}, LeftOut: []string{}, Ranks: []Place{}}
	if len(r.raw) == 0 {
		return
	}
	ng := float64(len(r.raw))
	weights := make([]float64, len(criteria))
	contrib := make([][]float64, len(criteria)) // [criterion][scenario]
	for gi, raw := range r.raw {
		shares := groupShares(raw)
		for ci := range criteria {
			if shares[ci] == 0 {
				continue
			}
			weights[ci] += shares[ci] / ng
			if contrib[ci] == nil {
				contrib[ci] = make([]float64, len(r.Scenarios))
			}
			for s := range r.Scenarios {
				contrib[ci][s] += shares[ci] * r.norm[gi][ci][s] / ng
			}
		}
	}
	for ci, c := range criteria {
		r.Criteria[ci].Weight = weights[ci]
		if weights[ci] > 0 {
			r.Combined.Weights = append(r.Combined.Weights, Weight{Criterion: c.ID, Share: weights[ci]})
		} else if r.leftOutAnywhere(c.ID) {
			r.Combined.LeftOut = append(r.Combined.LeftOut, c.ID)
		}
	}
	for s, id := range r.Scenarios {
		rk := Place{Scenario: id, Contributions: []Contribution{}}
		for ci, c := range criteria {
			if weights[ci] > 0 {
				rk.Score += contrib[ci][s]
				rk.Contributions = append(rk.Contributions, Contribution{Criterion: c.ID, Value: contrib[ci][s]})
			}
		}
		r.Combined.Ranks = append(r.Combined.Ranks, rk)
	}
	order(r.Combined.Ranks)
}

func (r *Ranking) leftOutAnywhere(id string) bool {
	for _, g := range r.ByGroup {
		if slices.Contains(g.LeftOut, id) {
			return true
		}
	}
	return false
}

// missing lists the values the ranking could not have, with the groups each
// one leaves a criterion out of.
func (r *Ranking) missing(study *model.Study, vals []values) {
	for ci, c := range study.Criteria {
		for s, id := range r.Scenarios {
			if vals[ci].common[s] != nil && vals[ci].reasons[s] == "" {
				continue
			}
			m := Missing{Criterion: c.ID, Scenario: id, Reason: cmp.Or(vals[ci].reasons[s], MissingScore), Groups: []string{}}
			for _, g := range r.ByGroup {
				if slices.Contains(g.LeftOut, c.ID) && vals[ci].of(g.Group, s) == nil {
					m.Groups = append(m.Groups, g.Group)
				}
			}
			r.Missing = append(r.Missing, m)
		}
	}
}
