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

// householdUnits are the beneficiary units counted like the scenario's households.
var householdUnits = []string{"households", "families"}

// The scenario's bases: what its own figures count. A country's figure is
// compared only when it counts the same thing: households in the programme
// today (not a cumulative count), the staff of the agency that runs the
// programme (not a larger agency's across programmes), the administrative
// cost over the benefits paid (not over the total budget).
const (
	ScenarioBeneficiaries = "caseload"
	ScenarioStaff         = "programme"
	ScenarioAdminCost     = "benefits"
)

// Why a country's figure is shown but not compared: message keys a report
// words in its language, in the order they are tested.
const (
	ReasonOwnCountry    = "own-country"      // the scenario's own country: shown apart, not a peer
	ReasonNoBasis       = "basis-undeclared" // a figure of the file has no basis
	ReasonCumulative    = "cumulative"       // beneficiaries counted since the launch, not today's caseload
	ReasonAgencyStaff   = "agency-staff"     // a whole agency's staff, across programmes, over one programme's beneficiaries
	ReasonNotHouseholds = "not-households"   // beneficiaries counted in another unit than households
	ReasonYearsApart    = "years-apart"      // staff and beneficiaries more than MaxYearsApart years apart
	ReasonShareOfBudget = "share-of-budget"  // an administrative cost over the total budget, not over benefits
	ReasonNoBoard       = "no-board"         // no board: not a board of 0 members
)

// MaxYearsApart is the largest gap, in years, between a staff figure and
// the beneficiary count it is divided by for the ratio to be compared.
const MaxYearsApart = 2

func ptr(v float64) *float64 { return &v }

func indicators(a *analysis.Analysis, countries []*model.CountryFile, own string) []Indicator {
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
	var adminShare *float64
	if ind.AdminShare != nil {
		adminShare = ptr(*ind.AdminShare)
	}
	out := []Indicator{
		{Key: StaffPer10k, Unit: "per 10,000 households", Scenario: scenarioStaff},
		{Key: Offices, Unit: "offices", Scenario: ptr(float64(ind.Offices))},
		{Key: OfficesPerMillion, Unit: "per million inhabitants", Scenario: scenarioPerMillion},
		{Key: BoardSize, Unit: "members", Scenario: boardSize},
		{Key: IndependentShare, Unit: "share", Scenario: independent},
		{Key: TerritorialTiers, Unit: "tiers", Scenario: ptr(float64(len(ind.TerritorialTiers)))},
		{Key: AdminCostShare, Unit: "share of benefits", Scenario: adminShare},
	}
	for _, cf := range countries {
		id := cf.Country.ID
		offices, perMillion := officeValues(id, cf)
		size, share := boardValues(id, cf)
		values := []Value{staffPer10k(id, cf), offices, perMillion, size, share, tierValue(id, cf), adminCostShare(id, cf)}
		for i, v := range values {
			if v.Known && strings.EqualFold(id, own) {
				v.Comparable, v.Reasons = false, append([]string{ReasonOwnCountry}, v.Reasons...)
			}
			out[i].Values = append(out[i].Values, v)
		}
	}
	for i := range out {
		stats(&out[i])
	}
	return out
}

// pair is a staff figure and the beneficiary count it is divided by, with
// the reasons the ratio is not comparable with the scenario's.
type pair struct {
	staff, ben *model.Figure
	reasons    []string
}

// staffReasons says why staff over ben is not on the scenario's basis.
func staffReasons(staff, ben *model.Figure) []string {
	var out []string
	if staff.Basis == "" || ben.Basis == "" {
		out = append(out, ReasonNoBasis)
	}
	if ben.Basis != "" && ben.Basis != ScenarioBeneficiaries {
		out = append(out, ReasonCumulative)
	}
	if staff.Basis != "" && staff.Basis != ScenarioStaff {
		out = append(out, ReasonAgencyStaff)
	}
	if !slices.Contains(householdUnits, ben.Unit) {
		out = append(out, ReasonNotHouseholds)
	}
	if yearsApart(staff.Year, ben.Year) > MaxYearsApart {
		out = append(out, ReasonYearsApart)
	}
	return out
}

// better says whether p is a better pair to show than q: fewer reasons not
// to compare it, then the later staff figure, then the beneficiary count
// nearer in time, then the later one; on a full tie the first written wins.
func (p pair) better(q pair) bool {
	if len(p.reasons) != len(q.reasons) {
		return len(p.reasons) < len(q.reasons)
	}
	if c := strings.Compare(p.staff.Year, q.staff.Year); c != 0 {
		return c > 0
	}
	if gp, gq := yearsApart(p.staff.Year, p.ben.Year), yearsApart(q.staff.Year, q.ben.Year); gp != gq {
		return gp < gq
	}
	return p.ben.Year > q.ben.Year
}

// staffPer10k divides a staff figure by a beneficiary count: of all the
// known pairs of the file, the one on the scenario's basis (the programme's
// staff over households in the programme today, at most MaxYearsApart years
// apart), the latest staff figure first. When no pair is on that basis, the
// nearest one is shown, not compared, with its reasons.
func staffPer10k(id string, cf *model.CountryFile) Value {
	v := Value{Country: id}
	var best *pair
	for _, s := range cf.Staff {
		if !s.Value.Known {
			continue
		}
		for _, b := range cf.Beneficiaries {
			if !b.Value.Known || b.Value.Value == 0 {
				continue
			}
			p := pair{staff: s, ben: b, reasons: staffReasons(s, b)}
			if best == nil || p.better(*best) {
				best = &p
			}
		}
	}
	if best == nil {
		return v
	}
	staff, ben := best.staff, best.ben
	v.Known, v.Comparable, v.Reasons = true, len(best.reasons) == 0, best.reasons
	v.Value = staff.Value.Value / ben.Value.Value * 10000
	v.Unit = "per 10,000 " + ben.Unit
	v.Basis = fmt.Sprintf("%s %s (%s) / %s %s (%s) × 10,000", num(staff.Value.Value), staff.Unit, staff.Year, num(ben.Value.Value), ben.Unit, ben.Year)
	v.Terms = []Term{{staff.Value.Value, staff.Unit, staff.Year, staff.Basis}, {ben.Value.Value, ben.Unit, ben.Year, ben.Basis}}
	v.Sources = []string{staff.Source, ben.Source}
	return v
}

// adminCostShare is the file's administrative cost share on the scenario's
// basis (over benefits), the latest first; without one, the latest on
// another basis, shown with its reason.
func adminCostShare(id string, cf *model.CountryFile) Value {
	var best *model.Figure
	var bestReasons []string
	for _, f := range cf.AdminCostShare {
		if !f.Value.Known {
			continue
		}
		var reasons []string
		switch f.Basis {
		case "":
			reasons = []string{ReasonNoBasis}
		case ScenarioAdminCost:
		default:
			reasons = []string{ReasonShareOfBudget}
		}
		if best == nil || len(reasons) < len(bestReasons) || (len(reasons) == len(bestReasons) && f.Year > best.Year) {
			best, bestReasons = f, reasons
		}
	}
	if best == nil {
		return Value{Country: id}
	}
	return Value{Country: id, Known: true, Value: best.Value.Value, Unit: "share", Comparable: len(bestReasons) == 0, Reasons: bestReasons,
		Basis: strings.TrimSpace(best.Basis + " (" + best.Year + ")"), Terms: []Term{{best.Value.Value, "share", best.Year, best.Basis}},
		Sources: []string{best.Source}}
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
		terms = append(terms, Term{Value: l.Count.Value, Unit: l.Level, Year: l.Year})
		sources = append(sources, l.Source)
	}
	if len(parts) == 0 {
		return offices, perMillion
	}
	offices = Value{Country: id, Known: true, Value: total, Unit: "offices", Comparable: true, Basis: strings.Join(parts, " + "), Terms: terms, Sources: sources}
	if pop := latest(cf.Population); pop != nil && pop.Value.Value > 0 {
		perMillion = Value{Country: id, Known: true, Value: total / pop.Value.Value * 1e6, Unit: "per million inhabitants", Comparable: true,
			Basis: fmt.Sprintf("%s offices / %s inhabitants (%s)", num(total), num(pop.Value.Value), pop.Year),
			Terms: []Term{{Value: total, Unit: "offices"}, {Value: pop.Value.Value, Unit: "inhabitants", Year: pop.Year}}, Sources: append(slices.Clone(sources), pop.Source)}
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
		return Value{Country: id, Known: true, Value: 0, Unit: "members", Comparable: false, Reasons: []string{ReasonNoBoard}, Basis: "no board",
			Sources: []string{b.Source}}, share
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
