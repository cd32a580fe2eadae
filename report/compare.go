package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
)

// compareSection is the i18n section of the words of `orgdesign compare`
// and `orgdesign diff`.
const compareSection = "compare"

// word returns a text of the compare section, or the key itself when it has
// none (the tests check that every key the code uses exists).
func (l *Language) word(key string) string { return l.Enum(compareSection, key) }

// wordf returns a text of the compare section with its {placeholders} replaced.
func (l *Language) wordf(key string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(l.word(key))
}

// Table is a table of text, the same for the terminal and for Markdown.
type Table struct {
	Head  []string
	Right []bool // per column: numbers, right-aligned
	Rows  [][]string
}

// Align returns, per column, whether the column is right-aligned (for the
// Markdown delimiter row).
func (t Table) Align() []bool {
	out := make([]bool, len(t.Head))
	for i := range out {
		out[i] = i < len(t.Right) && t.Right[i]
	}
	return out
}

// cols returns the table's columns for the text writer.
func (t Table) cols() []col {
	right := t.Align()
	out := make([]col, len(t.Head))
	for i, h := range t.Head {
		out[i] = col{head: h, right: right[i]}
	}
	return out
}

// rows returns a copy of the rows, which the text writer may change.
func (t Table) rows() [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = slices.Clone(r)
	}
	return out
}

// CompareReport is the comparison of a set's scenarios, every figure
// formatted in one language: what `orgdesign compare` prints.
type CompareReport struct {
	Lang      string
	Title     string
	Scenarios Table // id and title of each scenario
	Figures   Table // one row per key figure, one column per scenario
	Costs     Table // each year's total cost, one column per scenario
	CostBasis string
	Ranked    bool  // false: the study has no criteria
	Ranking   Table // the combined ranking
	Contrib   Table // each criterion's contribution to each scenario's combined score
	Values    Table // each criterion's value for each scenario
	Groups    Table // the ranking of each stakeholder group
	LeftOut   []string
	Missing   Table // empty when no value is missing
	Perturbed Table // how often each scenario comes first
	Draws     string
	Limits    Table // each criterion's weight thresholds
	Method    []string
	// Peers tells the options apart by their nearest countries (one row per
	// option) and PeersNotes reads it; empty without countries.
	Peers      Table
	PeersNotes []string
	// Reversal says which criteria have a scale that depends on the options
	// compared and whether removing one option reorders the others.
	Reversal []string
	// Recommendation sets the study's recommended option against the
	// ranking (empty when the recommendation names no option compared);
	// Rationale is the study's (Markdown), Departs whether the option is not
	// first.
	Recommendation []string
	Rationale      string
	Departs        bool
}

// CompareOptions tune BuildCompare.
type CompareOptions struct {
	Lang      string
	Title     string               // the study's title, if any
	Countries []*model.CountryFile // to name the nearest peers; their codes otherwise
}

// BuildCompare formats a comparison in a language.
func BuildCompare(res *compare.Result, opts CompareOptions) (*CompareReport, error) {
	l, err := NewLanguage(opts.Lang)
	if err != nil {
		return nil, err
	}
	cr := &CompareReport{Lang: l.code, Title: l.word("title")}
	if opts.Title != "" {
		cr.Title += " — " + opts.Title
	}
	ids := make([]string, len(res.Scenarios))
	cr.Scenarios = Table{Head: []string{l.word("scenarioId"), l.word("scenarioTitle")}}
	for i, f := range res.Scenarios {
		ids[i] = f.Scenario
		id := f.Scenario
		if f.Baseline {
			id += " (" + l.Label("baseline") + ")"
		}
		cr.Scenarios.Rows = append(cr.Scenarios.Rows, []string{id, f.Title})
	}
	cr.Figures = figuresTable(res.Scenarios, ids, l, peerNames(opts.Countries, l.code))
	buildContrast(cr, res.Peers, l, peerNames(opts.Countries, l.code))
	cr.Costs, cr.CostBasis = costsTable(res.Scenarios, ids, l)
	cr.Method = compareMethod(l)
	if res.Ranking == nil {
		return cr, nil
	}
	cr.Ranked = true
	buildRanking(cr, res.Ranking, res.Scenarios, ids, l)
	if s := res.Sensitivity; s != nil {
		buildSensitivity(cr, s, res.Ranking, l)
	}
	titles := map[string]string{}
	for _, f := range res.Scenarios {
		titles[f.Scenario] = f.Title
	}
	for _, c := range res.Ranking.Criteria {
		titles[c.ID] = c.Title
	}
	cr.Reversal = reversalLines(res.Ranking.Reversal, titles, l)
	if rec := res.Recommendation; rec != nil {
		cr.Recommendation = recommendationLines(rec, res.Sensitivity, len(res.Scenarios), titles, l)
		cr.Rationale, cr.Departs = rec.Rationale, rec.Departs
	}
	return cr, nil
}

// heads returns a first column's heading followed by the scenarios' ids.
func heads(first string, ids []string, extra ...string) []string {
	return append(append([]string{first}, extra...), ids...)
}

func rightCols(n, left int) []bool {
	out := make([]bool, n)
	for i := left; i < n; i++ {
		out[i] = true
	}
	return out
}

func peerNames(countries []*model.CountryFile, lang string) map[string]string {
	out := map[string]string{}
	for _, c := range countries {
		name := c.Country.Name
		if lang == "en" && c.Country.NameEn != "" {
			name = c.Country.NameEn
		}
		out[c.Country.ID] = name
	}
	return out
}

func figuresTable(figs []compare.Figures, ids []string, l *Language, peers map[string]string) Table {
	t := Table{Head: heads(l.word("figure"), ids), Right: rightCols(len(ids)+1, 1)}
	row := func(name string, cell func(f compare.Figures) string) {
		r := []string{name}
		for _, f := range figs {
			r = append(r, cell(f))
		}
		t.Rows = append(t.Rows, r)
	}
	row(l.word("headcount"), func(f compare.Figures) string { return l.Count(f.Headcount).Text })
	row(l.word("payroll"), func(f compare.Figures) string { return l.Amount(f.Payroll, f.Currency).Text })
	row(l.word("annualCost"), func(f compare.Figures) string { return l.Amount(f.AnnualCost, f.Currency).Text })
	row(l.word("setupCost"), func(f compare.Figures) string { return l.Amount(f.SetupCost, f.Currency).Text })
	row(l.word("transitionCost"), func(f compare.Figures) string {
		if f.TransitionCost == nil {
			return "—"
		}
		return l.Amount(*f.TransitionCost, f.Currency).Text
	})
	row(l.word("transitionMonths"), func(f compare.Figures) string {
		if f.TransitionMonths == nil {
			return "—"
		}
		return l.months(int(*f.TransitionMonths)).Text
	})
	costRows(row, l)
	row(l.word("prerequisites"), func(f compare.Figures) string { return l.Count(f.Prerequisites).Text })
	row(l.word("offices"), func(f compare.Figures) string { return l.Count(f.Offices).Text })
	row(l.Label("servicePoints"), func(f compare.Figures) string { return l.Count(f.ServicePoints).Text })
	for _, kind := range analysis.ServicePointKinds() { // the kinds some scenario has, one row each
		if !slices.ContainsFunc(figs, func(f compare.Figures) bool { return pointsOf(f.ServicePointsByKind, kind) > 0 }) {
			continue
		}
		t.Rows = append(t.Rows, []string{"  " + l.wordf("ofWhich", "{kind}", l.word("pointKind-"+kind))})
		for _, f := range figs {
			r := &t.Rows[len(t.Rows)-1]
			*r = append(*r, l.Count(pointsOf(f.ServicePointsByKind, kind)).Text)
		}
	}
	row(l.word("capacityGap"), func(f compare.Figures) string {
		return capacityGapText(f.CapacityGap, f.CapacityGapShare, f.StaffRequired, l)
	})
	row(l.Label("raciGaps"), func(f compare.Figures) string { return l.Count(f.RACIGaps).Text })
	row(l.word("exposure"), func(f compare.Figures) string { return l.Count(f.Exposure).Text })
	row(l.word("metric-open-findings"), func(f compare.Figures) string { return l.Count(f.OpenFindings).Text })
	row(l.word("highRisks"), func(f compare.Figures) string {
		return l.wordf("highCritical", "{high}", l.Count(f.HighRisks).Text, "{critical}", l.Count(f.CriticalRisks).Text)
	})
	row(l.word("nearestPeer"), func(f compare.Figures) string {
		if f.PeerScore == nil {
			return "—"
		}
		name := cmp.Or(peers[f.NearestPeer], strings.ToUpper(f.NearestPeer))
		return name + " (" + l.Percent(*f.PeerScore) + ")"
	})
	return t
}

// criterionValue formats a criterion's value for one scenario.
func criterionValue(c *compare.Criterion, v *float64, currency string, l *Language) string {
	if v == nil {
		return "—"
	}
	switch c.Metric {
	case "payroll", "annual-cost", "setup-cost", "transition-cost", "total-cost", "one-off-cost", "running-cost":
		return l.Amount(*v, currency).Text
	case "admin-share":
		return l.Percent(*v)
	case "transition-months":
		return l.months(int(*v)).Text
	case "capacity-gap":
		return l.Percent(*v)
	case "benchmark-distance":
		return l.Number(*v, 2)
	case "":
		return l.Number(*v, 2) // a mean of workshop scores
	}
	return l.Number(*v, 0)
}

func (l *Language) score(v float64) string { return l.Number(v, 3) }

func buildRanking(cr *CompareReport, r *compare.Ranking, figs []compare.Figures, ids []string, l *Language) {
	titles := map[string]string{}
	for _, f := range figs {
		titles[f.Scenario] = f.Title
	}
	criteria := map[string]*compare.Criterion{}
	for i := range r.Criteria {
		criteria[r.Criteria[i].ID] = &r.Criteria[i]
	}
	cr.Ranking = Table{Head: []string{l.word("rank"), l.word("scenarioId"), l.word("score"), l.word("scenarioTitle")}, Right: []bool{true, false, true}}
	for _, rk := range r.Combined.Ranks {
		cr.Ranking.Rows = append(cr.Ranking.Rows, []string{l.Count(rk.Rank).Text, rk.Scenario, l.score(rk.Score), titles[rk.Scenario]})
	}
	// Contributions: one row per criterion counted, the total last.
	cr.Contrib = Table{Head: heads(l.word("criterion"), ids, l.word("weight")), Right: rightCols(len(ids)+2, 1)}
	pos := map[string]int{}
	for i, id := range ids {
		pos[id] = i
	}
	total := make([]string, len(ids))
	cells := map[string][]string{}
	for _, rk := range r.Combined.Ranks {
		total[pos[rk.Scenario]] = l.score(rk.Score)
		for _, c := range rk.Contributions {
			if cells[c.Criterion] == nil {
				cells[c.Criterion] = make([]string, len(ids))
			}
			cells[c.Criterion][pos[rk.Scenario]] = l.score(c.Value)
		}
	}
	for _, w := range r.Combined.Weights {
		cr.Contrib.Rows = append(cr.Contrib.Rows, append([]string{criteria[w.Criterion].Title, l.Percent(w.Share)}, cells[w.Criterion]...))
	}
	cr.Contrib.Rows = append(cr.Contrib.Rows, append([]string{l.word("total"), l.Percent(1)}, total...))
	// Values: every criterion, counted or not.
	currency := ""
	if len(figs) > 0 {
		currency = figs[0].Currency
	}
	cr.Values = Table{Head: heads(l.word("criterion"), ids, l.word("measure"), l.word("direction"), l.word("scale")), Right: rightCols(len(ids)+4, 4)}
	for _, c := range r.Criteria {
		measure := l.word("metric-" + cmp.Or(c.Metric, "scored"))
		if c.Scored && c.GroupScores {
			measure += " " + l.word("groupScoresNote")
		}
		row := []string{c.Title, measure, l.word("direction-" + c.Direction), scaleText(&c, currency, l)}
		for i, v := range c.Values {
			row = append(row, criterionValue(&c, v.Value, cmp.Or(figs[i].Currency, currency), l))
		}
		cr.Values.Rows = append(cr.Values.Rows, row)
	}
	// Groups: a row per group, "rank (score)" per scenario.
	cr.Groups = Table{Head: heads(l.word("group"), ids, l.word("leader")), Right: rightCols(len(ids)+2, 2)}
	for _, g := range r.ByGroup {
		row := []string{g.Group, cmp.Or(g.Leader(), "—")}
		cellsOf := make([]string, len(ids))
		for i := range cellsOf {
			cellsOf[i] = "—"
		}
		for _, rk := range g.Ranks {
			cellsOf[pos[rk.Scenario]] = l.Count(rk.Rank).Text + " (" + l.score(rk.Score) + ")"
		}
		cr.Groups.Rows = append(cr.Groups.Rows, append(row, cellsOf...))
		if len(g.LeftOut) > 0 {
			cr.LeftOut = append(cr.LeftOut, l.wordf("leftOut", "{group}", g.Group, "{criteria}", strings.Join(g.LeftOut, ", ")))
		}
	}
	if len(r.Unweighted) > 0 {
		cr.LeftOut = append(cr.LeftOut, l.wordf("unweighted", "{groups}", strings.Join(r.Unweighted, ", ")))
	}
	cr.Missing = Table{Head: []string{l.word("criterion"), l.word("scenarioId"), l.word("reason"), l.word("groupsAffected")}}
	for _, m := range r.Missing {
		groups := strings.Join(m.Groups, ", ")
		if len(m.Groups) == 0 {
			groups = l.word("noGroup")
		}
		cr.Missing.Rows = append(cr.Missing.Rows, []string{criteria[m.Criterion].Title, m.Scenario, l.word("missing-" + m.Reason), groups})
	}
}

func buildSensitivity(cr *CompareReport, s *compare.Sensitivity, r *compare.Ranking, l *Language) {
	titles := map[string]string{}
	for _, c := range r.Criteria {
		titles[c.ID] = c.Title
	}
	cr.Draws = l.wordf("draws", "{draws}", l.Count(s.Draws).Text, "{seed}", strconv.FormatUint(s.Seed, 10),
		"{low}", l.Number(s.FactorLow, 2), "{high}", l.Number(s.FactorHigh, 2))
	if len(s.First) > 0 {
		cr.Perturbed = Table{Head: []string{l.word("scenarioId"), l.word("first"), l.word("draws-count")}, Right: []bool{false, true, true}}
		for _, f := range s.First {
			cr.Perturbed.Rows = append(cr.Perturbed.Rows, []string{f.Scenario, l.Percent(f.Share), l.Count(f.Count).Text})
		}
	}
	cr.Limits = Table{Head: []string{l.word("criterion"), l.word("weight"), l.word("down"), l.word("up")}, Right: []bool{false, true, false, false}}
	shift := func(sh *compare.Shift) string {
		if sh == nil {
			return "—"
		}
		return l.wordf("shift", "{weight}", l.Percent(sh.Weight), "{change}", signedPoints(sh.Change, l), "{leader}", sh.Leader)
	}
	for _, th := range s.Thresholds {
		down, up := shift(th.Down), shift(th.Up)
		if th.Robust {
			down, up = l.word("robust"), l.word("robust")
		}
		cr.Limits.Rows = append(cr.Limits.Rows, []string{titles[th.Criterion], l.Percent(th.Weight), down, up})
	}
}

// signedPoints formats a change of share in percentage points, with its sign.
func signedPoints(v float64, l *Language) string {
	sign := "+"
	if v < 0 {
		sign = "−"
	}
	return sign + l.Number(math.Abs(v)*100, 1) + l.word("points")
}

func compareMethod(l *Language) []string {
	var out []string
	for _, k := range []string{"method-values", "method-normalise", "method-weights", "method-missing", "method-perturb", "method-thresholds"} {
		out = append(out, l.word(k))
	}
	return out
}
