package benchmarks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// latest returns the known figure with the latest year among those whose unit
// is in units (any unit when units is empty), or nil.
func latest(list []*model.Figure, units ...string) *model.Figure {
	var best *model.Figure
	for _, f := range list {
		if !f.Value.Known || (len(units) > 0 && !slices.Contains(units, f.Unit)) {
			continue
		}
		if best == nil || f.Year > best.Year {
			best = f
		}
	}
	return best
}

// yearOf reads the first year of "2023", "2022/23" or "2024-03"; 0 when none.
func yearOf(y string) int {
	n := 0
	for i := 0; i < len(y) && i < 4; i++ {
		if y[i] < '0' || y[i] > '9' {
			return 0
		}
		n = n*10 + int(y[i]-'0')
	}
	return n
}

// yearsApart is how many years lie between the first years of a and b.
func yearsApart(a, b string) int {
	gap := yearOf(a) - yearOf(b)
	return max(gap, -gap)
}

// nearestYear returns the known figure (of one of units, when given) whose
// year is closest to year, the later one on a tie, the first written on a
// further tie.
func nearestYear(list []*model.Figure, year string, units ...string) *model.Figure {
	var best *model.Figure
	bestGap := 0
	for _, f := range list {
		if !f.Value.Known || (len(units) > 0 && !slices.Contains(units, f.Unit)) {
			continue
		}
		gap := yearsApart(f.Year, year)
		if best == nil || gap < bestGap || (gap == bestGap && f.Year > best.Year) {
			best, bestGap = f, gap
		}
	}
	return best
}

// householdUnits are the beneficiary units counted like the scenario's households.
var householdUnits = []string{"households", "families"}

func ptr(v float64) *float64 { return &v }

func indicators(a *analysis.Analysis, countries []*model.CountryFile) []Indicator {
	ind := a.Indicators
	var scenarioStaff, scenarioPerMillion *float64
	if ind.Households > 0 {
		scenarioStaff = ptr(ind.StaffPer10kHouseholds)
	}
	if ind.Population > 0 {
		scenarioPerMillion = ptr(ind.OfficesPerMillion)
	}
	var boardSize, independent *float64
	if ind.BoardSize > 0 {
		boardSize, independent = ptr(float64(ind.BoardSize)), ptr(ind.IndependentShare)
	}
	out := []Indicator{
		{Key: StaffPer10k, Unit: "per 10,000 households", Scenario: scenarioStaff},
		{Key: Offices, Unit: "offices", Scenario: ptr(float64(ind.Offices))},
		{Key: OfficesPerMillion, Unit: "per million inhabitants", Scenario: scenarioPerMillion},
		{Key: BoardSize, Unit: "members", Scenario: boardSize},
		{Key: IndependentShare, Unit: "share", Scenario: independent},
		{Key: TerritorialTiers, Unit: "tiers", Scenario: ptr(float64(len(ind.TerritorialTiers)))},
		{Key: AdminCostShare, Unit: "share of benefits"},
	}
	for _, cf := range countries {
		id := cf.Country.ID
		out[0].Values = append(out[0].Values, staffPer10k(id, cf))
		offices, perMillion := officeValues(id, cf)
		out[1].Values = append(out[1].Values, offices)
		out[2].Values = append(out[2].Values, perMillion)
		size, share := boardValues(id, cf)
		out[3].Values = append(out[3].Values, size)
		out[4].Values = append(out[4].Values, share)
		out[5].Values = append(out[5].Values, tierValue(id, cf))
		v := Value{Country: id}
		if f := latest(cf.AdminCostShare); f != nil {
			v = Value{Country: id, Known: true, Value: f.Value.Value, Unit: "share", Comparable: true,
				Basis: fmt.Sprintf("%s (%s)", f.Scope, f.Year), Sources: []string{f.Source}}
		}
		out[6].Values = append(out[6].Values, v)
	}
	for i := range out {
		stats(&out[i])
	}
	return out
}

// staffPer10k divides the latest staff figure by the beneficiary count of the
// year nearest it, preferring households (the scenario's basis); other bases,
// and counts more than two years from the staff figure, are shown, marked not
// comparable, with the conversion stated.
func staffPer10k(id string, cf *model.CountryFile) Value {
	v := Value{Country: id}
	staff := latest(cf.Staff)
	if staff == nil {
		return v
	}
	ben := nearestYear(cf.Beneficiaries, staff.Year, householdUnits...)
	comparable := ben != nil
	if ben == nil {
		ben = nearestYear(cf.Beneficiaries, staff.Year)
	}
	if ben == nil || ben.Value.Value == 0 {
		return v
	}
	// Staff and beneficiaries more than two years apart are shown, not compared.
	if yearsApart(staff.Year, ben.Year) > 2 {
		comparable = false
	}
	v.Known, v.Comparable = true, comparable
	v.Value = staff.Value.Value / ben.Value.Value * 10000
	v.Unit = "per 10,000 " + ben.Unit
	v.Basis = fmt.Sprintf("%s %s (%s) / %s %s (%s) × 10,000", num(staff.Value.Value), staff.Unit, staff.Year, num(ben.Value.Value), ben.Unit, ben.Year)
	v.Terms = []Term{{staff.Value.Value, staff.Unit, staff.Year}, {ben.Value.Value, ben.Unit, ben.Year}}
	v.Sources = []string{staff.Source, ben.Source}
	return v
}

// officeValues counts the agency's points outside the centre with a known count.
func officeValues(id string, cf *model.CountryFile) (Value, Value) {
	offices, perMillion := Value{Country: id}, Value{Country: id}
	total := 0.0
	var parts, sources []string
	var terms []Term
	// One figure per level: the latest, when a level is given twice (conflicting counts).
	latestOf := map[string]*model.CountryLevel{}
	for _, l := range cf.Territory {
		if l.Tier == "central" || !l.Count.Known || l.Offices == "delegated" {
			continue
		}
		if cur, ok := latestOf[l.Level]; !ok || l.Year > cur.Year {
			latestOf[l.Level] = l
		}
	}
	for _, l := range cf.Territory {
		if latestOf[l.Level] != l {
			continue
		}
		total += l.Count.Value
		parts = append(parts, fmt.Sprintf("%s %s (%s)", num(l.Count.Value), l.Level, l.Year))
		terms = append(terms, Term{l.Count.Value, l.Level, l.Year})
		sources = append(sources, l.Source)
	}
	if len(parts) == 0 {
		return offices, perMillion
	}
	offices = Value{Country: id, Known: true, Value: total, Unit: "offices", Comparable: true, Basis: strings.Join(parts, " + "), Terms: terms, Sources: sources}
	if pop := latest(cf.Population); pop != nil && pop.Value.Value > 0 {
		perMillion = Value{Country: id, Known: true, Value: total / pop.Value.Value * 1e6, Unit: "per million inhabitants", Comparable: true,
			Basis: fmt.Sprintf("%s offices / %s inhabitants (%s)", num(total), num(pop.Value.Value), pop.Year),
			Terms: []Term{{total, "offices", ""}, {pop.Value.Value, "inhabitants", pop.Year}}, Sources: append(slices.Clone(sources), pop.Source)}
	}
	return offices, perMillion
}

func boardValues(id string, cf *model.CountryFile) (Value, Value) {
	size, share := Value{Country: id}, Value{Country: id}
	b := cf.Board
	if b == nil {
		return size, share
	}
	if b.Exists == "no" { // shown, but a missing board is no board of 0 members: not in the statistics
		return Value{Country: id, Known: true, Value: 0, Unit: "members", Comparable: false, Basis: "no board", Sources: []string{b.Source}}, share
	}
	if b.Size != nil && b.Size.Value.Known {
		size = Value{Country: id, Known: true, Value: b.Size.Value.Value, Unit: "members", Comparable: true, Basis: b.Size.Year, Sources: []string{b.Size.Source}}
		if b.IndependentMembers != nil && b.IndependentMembers.Value.Known && b.Size.Value.Value > 0 {
			share = Value{Country: id, Known: true, Value: b.IndependentMembers.Value.Value / b.Size.Value.Value, Unit: "share", Comparable: true,
				Basis:   fmt.Sprintf("%s / %s", num(b.IndependentMembers.Value.Value), num(b.Size.Value.Value)),
				Sources: []string{b.IndependentMembers.Source, b.Size.Source}}
		}
	}
	return size, share
}

func tierValue(id string, cf *model.CountryFile) Value {
	tiers := map[string]bool{}
	var sources []string
	for _, l := range cf.Territory {
		if l.Tier != "" && l.Tier != "central" && (l.Count.Known || (l.Offices != "" && l.Offices != "unknown")) {
			tiers[l.Tier] = true
			if l.Source != "" {
				sources = append(sources, l.Source)
			}
		}
	}
	if len(cf.Territory) == 0 {
		return Value{Country: id}
	}
	var names []string
	for _, t := range model.Tiers {
		if tiers[t] {
			names = append(names, t)
		}
	}
	return Value{Country: id, Known: true, Value: float64(len(tiers)), Unit: "tiers", Comparable: true, Basis: strings.Join(names, ", "), Sources: sources}
}

// stats sets the comparable countries' min, median and max and where the scenario stands.
func stats(ind *Indicator) {
	var vals []float64
	for _, v := range ind.Values {
		if v.Known && v.Comparable {
			vals = append(vals, v.Value)
		}
	}
	ind.Peers = len(vals)
	if len(vals) == 0 {
		return
	}
	slices.Sort(vals)
	mid := vals[len(vals)/2]
	if len(vals)%2 == 0 {
		mid = (vals[len(vals)/2-1] + vals[len(vals)/2]) / 2
	}
	ind.Min, ind.Median, ind.Max = ptr(vals[0]), ptr(mid), ptr(vals[len(vals)-1])
	if ind.Scenario == nil {
		return
	}
	switch s := *ind.Scenario; {
	case s < vals[0]:
		ind.Position = "below-min"
	case s > vals[len(vals)-1]:
		ind.Position = "above-max"
	case s < mid:
		ind.Position = "low"
	default:
		ind.Position = "high"
	}
}

// num writes a figure without exponent, for the stated conversions.
func num(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%.3g", v)
}
