package report

import (
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/compare"
)

// The words of the ranking's integrity: service points by kind, the capacity
// gap as a share, each criterion's scale, whether the ranking depends on the
// options compared, and the recommendation set against the ranking. They
// live in the compare section of the strings, shared by `orgdesign compare`
// and the pack.

// servicePointsText is a number of service points with its kinds:
// "249 (12 own offices, 225 partners' counters, 12 mobile units, 75
// agent-network payment points (not in the total))" — the agents' points
// listed, not counted; the kinds without any are left out.
func servicePointsText(total int, byKind []analysis.KindPoints, l *Language) string {
	f, kinds := servicePointFigures(analysis.Indicators{ServicePoints: total, ServicePointsByKind: byKind}, l)
	if kinds == "" {
		return f.Text
	}
	return f.Text + " (" + kinds + ")"
}

// pointsOf returns the service points of one kind.
func pointsOf(byKind []analysis.KindPoints, kind string) int {
	for _, k := range byKind {
		if k.Kind == kind {
			return k.Points
		}
	}
	return 0
}

// capacityGapText is the staff short of the standards with its share of the
// staff they require: "3 (0.4 % of the 700 required)".
func capacityGapText(short int, share *float64, required int, l *Language) string {
	if share == nil {
		return l.Count(short).Text + " (" + l.word("noStaffRequired") + ")"
	}
	return l.Count(short).Text + " (" + l.wordf("gapOfRequired", "{share}", l.Percent(*share), "{required}", l.Count(required).Text) + ")"
}

// scaleText says how a criterion's values are brought to 0–1.
func scaleText(c *compare.Criterion, currency string, l *Language) string {
	if c.Worst == nil || c.Best == nil {
		return l.word("scale-" + c.Scale)
	}
	worst, best := *c.Worst, *c.Best
	return l.wordf("scale-"+c.Scale, "{worst}", criterionValue(c, &worst, currency, l), "{best}", criterionValue(c, &best, currency, l))
}

// reversalLines say which criteria have a scale that depends on the options
// compared and whether removing one option reorders the others (computed).
func reversalLines(rv *compare.Reversal, titles map[string]string, l *Language) []string {
	if rv == nil {
		return nil
	}
	var out []string
	if len(rv.OptionScales) == 0 {
		out = append(out, l.word("reversal-fixed"))
	} else {
		names := make([]string, len(rv.OptionScales))
		for i, id := range rv.OptionScales {
			names[i] = l.wordf("quoted", "{text}", titles[id])
		}
		out = append(out, l.wordf("reversal-options", "{criteria}", strings.Join(names, l.Label("listSeparator"))))
	}
	switch {
	case len(rv.Removals) == 0:
		out = append(out, l.word("reversal-two"))
	case !rv.Reorders:
		out = append(out, l.word("reversal-none"))
	default:
		for _, m := range rv.Removals {
			if len(m.Reordered) == 0 {
				continue
			}
			pairs := make([]string, len(m.Reordered))
			for i, p := range m.Reordered {
				pairs[i] = l.wordf("pair", "{a}", p.Ahead, "{b}", p.Behind)
			}
			out = append(out, l.wordf("reversal-removal", "{removed}", m.Removed, "{pairs}", strings.Join(pairs, l.Label("listSeparator"))))
		}
	}
	return out
}

// recommendationLines set the recommended option against the ranking: its
// rank and score beside the leader's, how often it came first in the draws,
// the groups that rank it first, and the combined weights at which it would
// lead. titles name the scenarios and the criteria.
func recommendationLines(rec *compare.Recommendation, s *compare.Sensitivity, n int, titles map[string]string, l *Language) []string {
	if rec == nil || rec.Rank == 0 {
		return nil
	}
	name := func(id string) string { return l.wordf("quoted", "{text}", titles[id]) }
	out := []string{l.wordf("rec-first", "{named}", name(rec.Scenario), "{score}", l.score(rec.Score))}
	if rec.Departs {
		out[0] = l.wordf("rec-rank", "{named}", name(rec.Scenario), "{rank}", l.Count(rec.Rank).Text, "{count}", l.Count(n).Text,
			"{score}", l.score(rec.Score), "{leader}", name(rec.Leader), "{leaderScore}", l.score(rec.LeaderScore))
	}
	if s != nil && s.Draws > 0 {
		for _, f := range s.First {
			if f.Scenario == rec.Scenario {
				out = append(out, l.wordf("rec-draws", "{share}", l.Percent(f.Share), "{draws}", l.Count(s.Draws).Text))
			}
		}
	}
	if len(rec.GroupsFirst) == 0 {
		out = append(out, l.word("rec-no-group"))
	} else {
		out = append(out, l.wordf("rec-groups", "{groups}", strings.Join(rec.GroupsFirst, l.Label("listSeparator"))))
	}
	var leads []string
	for _, iv := range rec.LeadsWhen {
		if iv.From == nil {
			continue
		}
		leads = append(leads, l.wordf("rec-interval", "{criterion}", name(iv.Criterion), "{from}", l.Percent(*iv.From),
			"{to}", l.Percent(*iv.To), "{weight}", l.Percent(iv.Weight)))
	}
	switch {
	case !rec.Departs:
	case len(leads) == 0:
		out = append(out, l.word("rec-never"))
	default:
		out = append(out, l.wordf("rec-leads", "{intervals}", strings.Join(leads, l.Label("listSeparator"))))
	}
	return out
}

// servicePointFigures are a scenario's service points for the options
// table: the total, and its kinds in words.
func servicePointFigures(ind analysis.Indicators, l *Language) (Figure, string) {
	var parts []string
	for _, k := range ind.ServicePointsByKind {
		if k.Points > 0 {
			key := "pointKind-" + k.Kind
			if k.Points == 1 {
				key += "-one"
			}
			parts = append(parts, l.Count(k.Points).Text+" "+l.word(key))
		}
	}
	return l.Count(ind.ServicePoints), strings.Join(parts, ", ")
}
