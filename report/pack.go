package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
)

// PackDraws is the number of weight perturbations of the index's ranking:
// enough to say how often each option comes first, few enough to stay fast.
const PackDraws = 1000

// PackSeed seeds the index's perturbations: the same inputs give the same pack.
const PackSeed = 1

// Pack is what the index adds for the committee beyond the options table:
// the short synthesis, the ranking with its sensitivity, the warning when the
// recommendation is not the top-ranked option, and the annexes.
type Pack struct {
	Synthesis Table          // one row per option: the key figures and the combined rank
	CostBasis string         // the horizon the options' costs are laid out over, and whether they are discounted (under the options table)
	Ranking   *CompareReport // the ranking, per group and combined, and its sensitivity; Ranked false without criteria
	Warning   string         // plain text; empty when the recommendation names the leader, or names no option
	Sources   Table          // the study's and every scenario's sources, each once
	Assume    Table          // every scenario's assumptions
	Glossary  Table          // the tool's terms: stages, RACI letters, risk levels, tiers
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
	var leader *compare.Place
	if res.Ranking != nil && len(res.Ranking.Combined.Ranks) > 0 {
		for _, pl := range res.Ranking.Combined.Ranks {
			ranks[pl.Scenario] = l.Count(pl.Rank).Text
		}
		leader = &res.Ranking.Combined.Ranks[0]
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
	if set.Study != nil && leader != nil {
		if named := recommended(set.Study.Recommendation, r.Scenarios); named != nil && named.ID != leader.Scenario {
			p.Warning = warning(named, leader, res.Ranking, r.Scenarios, l)
		}
	}
	p.Sources = sourcesTable(set, l)
	p.Assume = assumptionsTable(set, l)
	p.Glossary = glossary(l)
	return p, nil
}

// recommended returns the option the recommendation names first, by id or
// title (case does not matter; at one place the longer name wins), or nil.
func recommended(text string, scenarios []*Scenario) *Scenario {
	low := strings.ToLower(text)
	var best *Scenario
	at, length := -1, 0
	for _, s := range scenarios {
		for _, name := range []string{s.ID, s.Title} {
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			i := wordIndex(low, name)
			if i < 0 {
				continue
			}
			if at < 0 || i < at || (i == at && len(name) > length) {
				best, at, length = s, i, len(name)
			}
		}
	}
	return best
}

// wordIndex is the first index of name in text where it is not part of a
// longer word (an id "option-a" is not found in "option-ab").
func wordIndex(text, name string) int {
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(name)
		if !wordByte(text, i-1) && !wordByte(text, end) {
			return i
		}
		from = i + 1
	}
	return -1
}

func wordByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c == '-' || c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
}

// warning says which option ranks first and by how much.
func warning(named *Scenario, leader *compare.Place, r *compare.Ranking, scenarios []*Scenario, l *Language) string {
	title := map[string]string{}
	for _, s := range scenarios {
		title[s.ID] = s.Title
	}
	rank, score := "—", "—"
	for _, pl := range r.Combined.Ranks {
		if pl.Scenario == named.ID {
			rank, score = l.Count(pl.Rank).Text, l.score(pl.Score)
		}
	}
	return l.labelf("recommendationWarning", "{named}", named.Title, "{rank}", rank, "{score}", score,
		"{leader}", cmp.Or(title[leader.Scenario], leader.Scenario), "{leaderScore}", l.score(leader.Score))
}

// labelf returns a label with its {placeholders} replaced.
func (l *Language) labelf(key string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(l.Label(key))
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
