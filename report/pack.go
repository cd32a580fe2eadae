package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
)

// PackDraws is the number of weight perturbations of the index's ranking:
// enough to say how often each option comes first, few enough to stay fast.
const PackDraws = 1000

// PackSeed seeds the index's perturbations: the same inputs give the same pack.
const PackSeed = 1

// Pack is what the index adds for the committee beyond the options table:
// the short synthesis, the ranking with its sensitivity, the alert when the
// recommendation is not the top-ranked option, and the annexes.
type Pack struct {
	Synthesis Table          // one row per option: the key figures and the combined rank
	CostBasis string         // the horizon the options' costs are laid out over, and whether they are discounted (under the options table)
	Ranking   *CompareReport // the ranking, per group and combined, and its sensitivity; Ranked false without criteria
	Sources   Table          // the study's and every scenario's sources, each once
	Assume    Table          // every scenario's assumptions
	Glossary  Table          // the tool's terms: stages, RACI letters, risk levels, tiers
	// Alert opens the synthesis when the recommended option is not first in
	// the combined ranking; nil otherwise.
	Alert *Alert
	// Points are the options' service points by kind and their staff short
	// of the standards, the notes of the options table.
	Points Table
}

// Alert sets a recommendation that departs from the ranking against the
// evidence: plain text lines, and the study's rationale.
type Alert struct {
	Title     string
	Lines     []string // its rank and score beside the leader's, the draws, the groups that rank it first, the weights at which it would lead
	Rationale string   // Markdown; empty when the study gives none
	Missing   string   // plain text, when there is no rationale: says so
}

// buildPack ranks the set's options (compare.Compare) and gathers the annexes.
func buildPack(set *model.Set, r *Report, l *Language, opts BuildOptions) (*Pack, error) {
	var countries []*model.CountryFile
	if opts.Benchmarks != nil {
		countries = opts.Benchmarks.Countries
	}
	res := compare.Compare(set, compare.Options{Countries: countries, Analysis: opts.Analysis, Seed: PackSeed, Draws: PackDraws})
	cr, err := BuildCompare(res, CompareOptions{Lang: l.code, Countries: countries})
	if err != nil {
		return nil, err
	}
	p := &Pack{Ranking: cr}
	ranks := map[string]string{}
	if res.Ranking != nil {
		for _, pl := range res.Ranking.Combined.Ranks {
			ranks[pl.Scenario] = l.Count(pl.Rank).Text
		}
	}
	p.Synthesis = Table{Head: []string{l.Label("scenario"), l.Label("headcount"), l.Label("costOneOff"),
		l.Label("runningAYear"), l.Label("totalOverHorizon"), l.Label("transitionMonths"), l.Label("residualExposure"), l.Label("rank")},
		Right: []bool{false, true, true, true, true, true, true, true}}
	for _, s := range r.Scenarios {
		row := []string{s.Title, s.Headcount.Text, "—", "—", "—", "—", "—", cmp.Or(ranks[s.ID], "—")}
		if b := s.Budget(); b != nil {
			row[2], row[3], row[4] = b.OneOff.Text, b.RunningPerYear.Text, b.Total.Text
			p.CostBasis, p.Synthesis.Head[4] = b.Horizon, b.TotalHead // the same for every option
		}
		if s.Transition != nil {
			row[5] = s.Transition.Months.Text
		}
		if s.Risks != nil {
			row[6] = s.Risks.Exposure.Text
		}
		p.Synthesis.Rows = append(p.Synthesis.Rows, row)
	}
	if set.Study != nil {
		if rec := res.Recommendation; rec != nil && rec.Departs {
			p.Alert = &Alert{Title: l.Label("alertTitle"), Lines: cr.Recommendation, Rationale: rec.Rationale}
			if rec.Rationale == "" {
				p.Alert.Missing = l.word("noRationale")
				r.BuildDiagnostics = append(r.BuildDiagnostics, noRationale(set, rec))
			}
		}
	}
	p.Points = pointsTable(res.Scenarios, l)
	p.Sources = sourcesTable(set, l)
	p.Assume = assumptionsTable(set, l)
	p.Glossary = glossary(l)
	return p, nil
}

// CodeNoRationale is the code of the warning about a recommendation that
// departs from the ranking without the study's rationale: `report` prints
// it, `report --strict` stops on it (and on no other warning).
const CodeNoRationale = "recommendation-without-rationale"

// noRationale is the CodeNoRationale warning.
func noRationale(set *model.Set, rec *compare.Recommendation) model.Diagnostic {
	at := set.Study.PosOf("recommendation")
	if at.File == "" {
		at.File = set.StudyFile
	}
	return model.Diagnostic{Pos: at, Severity: model.Warning, Code: CodeNoRationale,
		Message: fmt.Sprintf("the recommendation names %s, ranked %d in the combined ranking (%s leads), and the study gives no `rationale`",
			rec.Scenario, rec.Rank, rec.Leader),
		Hint: "write the study's `rationale:`: what the ranking leaves out that the recommendation weighs"}
}

// pointsTable sets the options' service points by kind beside their staff
// short of the standards and its share of the staff required.
func pointsTable(figs []compare.Figures, l *Language) Table {
	t := Table{Head: []string{l.Label("scenario"), l.Label("servicePoints")}}
	for _, k := range analysis.ServicePointKinds() {
		w := []rune(l.word("pointKind-" + k))
		t.Head = append(t.Head, strings.ToUpper(string(w[:1]))+string(w[1:]))
	}
	t.Head = append(t.Head, l.Label("capacityGap"))
	t.Right = rightCols(len(t.Head), 1)
	for _, f := range figs {
		row := []string{f.Scenario, l.Count(f.ServicePoints).Text}
		for _, k := range analysis.ServicePointKinds() {
			row = append(row, l.Count(pointsOf(f.ServicePointsByKind, k)).Text)
		}
		t.Rows = append(t.Rows, append(row, capacityGapText(f.CapacityGap, f.CapacityGapShare, f.StaffRequired, l)))
	}
	return t
}

// sourcesTable lists the study's sources, then each scenario's, each source
// once (a shared context's sources are the same in every scenario), with who
// cites it.
func sourcesTable(set *model.Set, l *Language) Table {
	t := Table{Head: []string{l.Label("source"), l.Label("date"), l.Label("reliabilityHead"), l.Label("address"), l.Label("declaredIn")}}
	type entry struct {
		row []string
		by  []string
	}
	var order []string
	rows := map[string]*entry{}
	add := func(s *model.Source, by string) {
		key := s.ID + "\x00" + s.Title + "\x00" + s.URL
		e := rows[key]
		if e == nil {
			rel := "—"
			if s.Reliability != "" {
				rel = l.Enum("reliability", s.Reliability)
			}
			e = &entry{row: []string{s.Title, cmp.Or(l.date(s.Date), "—"), rel, cmp.Or(citation("", s.URL).URL, "—")}}
			rows[key] = e
			order = append(order, key)
		}
		if !slices.Contains(e.by, by) {
			e.by = append(e.by, by)
		}
	}
	if set.Study != nil {
		for _, s := range set.Study.Sources {
			add(s, l.Label("study"))
		}
	}
	for _, res := range set.Scenarios {
		for _, s := range res.Sources {
			add(s, res.Header.ID)
		}
	}
	for _, k := range order {
		e := rows[k]
		t.Rows = append(t.Rows, append(e.row, strings.Join(e.by, ", ")))
	}
	return t
}

// assumptionsTable lists every scenario's assumptions, in its own order.
func assumptionsTable(set *model.Set, l *Language) Table {
	t := Table{Head: []string{l.Label("scenario"), l.Label("assumption"), l.Label("value"), l.Label("unit"), l.Label("source")},
		Right: []bool{false, false, true}}
	for _, res := range set.Scenarios {
		for _, a := range res.Assumptions {
			v := "—"
			if a.Value != nil {
				v = l.Number(*a.Value, 4)
			}
			src := cmp.Or(cite(res.Sources, a.Source).Text, "—")
			t.Rows = append(t.Rows, []string{res.Header.ID, a.ID + " — " + a.Text, v, cmp.Or(a.Unit, "—"), src})
		}
	}
	return t
}

// glossary lists the tool's terms in the report's language: the delivery
// chain's stages, the RACI letters, the risk levels and the territorial tiers.
func glossary(l *Language) Table {
	t := Table{Head: []string{l.Label("term"), l.Label("meaning")}}
	list := func(section string, keys []string) string {
		var out []string
		for _, k := range keys {
			out = append(out, l.Enum(section, k))
		}
		return strings.Join(out, l.Label("listSeparator"))
	}
	t.Rows = append(t.Rows, []string{l.Label("glossStages"), list("stage", model.Stages)})
	for _, letter := range []string{"R", "A", "C", "I"} { // labels raciR, raciA, raciC, raciI
		t.Rows = append(t.Rows, []string{letter, l.Label("raci" + letter)})
	}
	t.Rows = append(t.Rows,
		[]string{l.Label("glossRiskLevels"), list("riskLevel", model.Severities)},
		[]string{l.Label("glossTiers"), list("tier", model.Tiers)},
	)
	return t
}

// labelf returns a label with its {placeholders} replaced.
func (l *Language) labelf(key string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(l.Label(key))
}
