package report

import (
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/compare"
)

// Budget is a scenario's costs by calendar year over the horizon
// (analysis.Budget), in the report's words.
type Budget struct {
	Years Table // year, one-off by kind, running by kind, total; then the horizon's total
	Facts []Row // one-off and running over the horizon, running a year, total, present value, per household, admin share
	// Basis states the assumptions: the horizon and the discount rate, the
	// pro rata rule, the transition, the mitigations, what falls outside the
	// horizon, undated phases, the per-household and admin-share bases.
	Basis []string
	// Horizon is the first sentence of Basis: the years and the discount
	// rate, the same for every option of a study.
	Horizon        string
	TotalHead      string // "total cost 2026–2030": the heading of the total over the horizon
	OneOff         Figure // within the horizon
	RunningPerYear Figure // the steady state
	Total          Figure // over the horizon
}

// yearName is a budget year: the calendar year, or "year N" when nothing
// was dated.
func yearName(y int, relative bool, l *Language) string {
	if relative {
		return l.labelf("yearN", "{n}", strconv.Itoa(y))
	}
	return strconv.Itoa(y)
}

// horizonSentence says over which years the costs are laid out and whether
// they are discounted; when nothing is dated (relative), the years are
// numbered and the sentences say so.
func horizonSentence(start, years int, relative bool, rate float64, l *Language) string {
	key := "costHorizon"
	if relative {
		key += "Relative"
	}
	if years == 1 {
		key += "One"
	}
	from, to := strconv.Itoa(start), strconv.Itoa(start+years-1)
	s := l.labelf(key, "{years}", l.Count(years).Text, "{from}", from, "{to}", to)
	if rate == 0 {
		return s + " " + l.Label("costNotDiscounted")
	}
	key = "costDiscounted"
	if relative {
		key += "Relative"
	}
	return s + " " + l.labelf(key, "{rate}", l.Percent(rate), "{from}", from)
}

func buildBudget(b analysis.Budget, a *analysis.Analysis, n *namer) *Budget {
	l := n.l
	out := &Budget{OneOff: n.money(b.OneOff, false), RunningPerYear: n.money(b.RunningPerYear, false), Total: n.money(b.Total, false)}
	// The amounts without their currency, named once in the first heading:
	// ten columns of amounts must fit a printed page.
	amount := func(v float64, dash bool) string {
		if dash && v == 0 {
			return "—"
		}
		return l.Number(v, 0)
	}
	first := l.Label("year")
	if n.cur != "" {
		first = l.labelf("yearCurrency", "{currency}", n.cur)
	}
	out.Years = Table{Head: []string{first, l.Label("costTransition"), l.Label("costInstallation"), l.Label("costSystems"),
		l.Label("costMitigations"), l.Label("costOneOff"), l.Label("payroll"), l.Label("costOtherRunning"), l.Label("costRunning"), l.Label("total")},
		Right: []bool{false, true, true, true, true, true, true, true, true, true}}
	var sum analysis.BudgetYear
	row := func(name string, y analysis.BudgetYear) []string {
		return []string{name, amount(y.Transition, true), amount(y.Installation, true), amount(y.Systems, true),
			amount(y.Mitigations, true), amount(y.OneOff, false), amount(y.Payroll, true),
			amount(y.OtherRunning, true), amount(y.Running, false), amount(y.Total, false)}
	}
	for _, y := range b.ByYear {
		out.Years.Rows = append(out.Years.Rows, row(yearName(y.Year, b.Relative, l), y))
		sum.Transition += y.Transition
		sum.Installation += y.Installation
		sum.Systems += y.Systems
		sum.Mitigations += y.Mitigations
		sum.OneOff += y.OneOff
		sum.Payroll += y.Payroll
		sum.OtherRunning += y.OtherRunning
		sum.Running += y.Running
		sum.Total += y.Total
	}
	out.Years.Rows = append(out.Years.Rows, row(l.Label("total"), sum))
	perHousehold, share := l.Label("unknown"), l.Label("unknownShare")
	if v := b.PerHouseholdPerYear; v != nil {
		perHousehold = l.smallAmount(*v, n.cur)
	}
	if b.AdminShare != nil {
		share = l.Percent(*b.AdminShare)
	}
	pv := n.money(b.PresentValue, false).Text
	if b.Rate == 0 { // nothing to discount: the total is the figure
		pv = l.Label("presentValueNone")
	}
	out.Facts = []Row{
		{l.Label("oneOffOverHorizon"), out.OneOff.Text},
		{l.Label("runningOverHorizon"), n.money(b.Running, false).Text},
		{l.Label("totalOverHorizon"), out.Total.Text},
		{l.Label("runningPerYear"), out.RunningPerYear.Text},
		{l.Label("presentValue"), pv},
		{l.Label("perHouseholdPerYear"), perHousehold},
		{l.Label("adminShare"), share},
	}
	out.Horizon = horizonSentence(b.Start, b.Years, b.Relative, b.Rate, l)
	out.TotalHead = l.labelf("totalOverYears", "{from}", yearName(b.Start, b.Relative, l), "{to}", yearName(b.Start+b.Years-1, b.Relative, l))
	out.Basis = []string{out.Horizon, l.Label("costProRata")}
	if t := n.res.Transition; t != nil && t.Cost != 0 {
		// Nothing dated: the transition starts with the horizon, in year 1
		// (TransitionFrom numbers the year: "1-01").
		key, from := "costTransition", l.date(b.TransitionFrom)
		if b.Relative {
			year, _, _ := strings.Cut(b.TransitionFrom, "-")
			key, from = "costTransitionRelative", year
		}
		if t.Months > 0 {
			out.Basis = append(out.Basis, l.labelf(key+"Spread", "{cost}", n.money(t.Cost, false).Text,
				"{months}", l.months(t.Months).Text, "{from}", from))
		} else {
			out.Basis = append(out.Basis, l.labelf(key+"Once", "{cost}", n.money(t.Cost, false).Text, "{from}", from))
		}
	}
	out.Basis = append(out.Basis, l.Label("costMitigationsRule"))
	if b.Before != 0 || b.After != 0 {
		key := "costOutside"
		if b.Relative {
			key += "Relative"
		}
		out.Basis = append(out.Basis, l.labelf(key, "{before}", n.money(b.Before, false).Text, "{after}", n.money(b.After, false).Text,
			"{from}", strconv.Itoa(b.Start), "{to}", strconv.Itoa(b.Start+b.Years-1)))
	}
	if len(b.Undated) > 0 {
		out.Basis = append(out.Basis, l.labelf("costUndated", "{phases}", n.list(b.Undated)))
	}
	if b.PerHouseholdPerYear != nil {
		out.Basis = append(out.Basis, l.labelf("costPerHousehold", "{years}", l.Count(b.Years).Text, "{households}", l.Number(a.Indicators.Households, 0)))
	} else {
		out.Basis = append(out.Basis, l.Label("costNoHouseholds"))
	}
	if d := n.res.Demand; b.AdminShare != nil && d != nil {
		out.Basis = append(out.Basis, l.labelf("costAdminShare", "{running}", out.RunningPerYear.Text, "{benefits}", n.money(d.BenefitsPerYear, false).Text))
	} else {
		out.Basis = append(out.Basis, l.Label("costNoBenefits"))
	}
	return out
}

// costsTable is the comparison's costs by year: one row per year, one
// column per option, then the horizon's total and present value.
func costsTable(figs []compare.Figures, ids []string, l *Language) (Table, string) {
	t := Table{Head: heads(l.Label("year"), ids), Right: rightCols(len(ids)+1, 1)}
	if len(figs) == 0 || len(figs[0].Costs.ByYear) == 0 {
		return t, ""
	}
	first := figs[0].Costs
	relative := first.Relative
	for i, y := range first.ByYear {
		row := []string{yearName(y.Year, relative, l)}
		for _, f := range figs {
			cell := "—"
			if i < len(f.Costs.ByYear) {
				cell = l.Amount(f.Costs.ByYear[i].Total, f.Currency).Text
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	total := []string{l.word("total")}
	for _, f := range figs {
		total = append(total, l.Amount(f.Costs.Total, f.Currency).Text)
	}
	t.Rows = append(t.Rows, total)
	return t, horizonSentence(first.ByYear[0].Year, first.HorizonYears, relative, first.DiscountRate, l)
}

// costRows are the comparison's cost figures, one row each.
func costRows(row func(name string, cell func(f compare.Figures) string), l *Language) {
	money := func(v func(c compare.Costs) float64) func(f compare.Figures) string {
		return func(f compare.Figures) string { return l.Amount(v(f.Costs), f.Currency).Text }
	}
	row(l.word("oneOffCost"), money(func(c compare.Costs) float64 { return c.OneOff }))
	row(l.Label("runningPerYear"), money(func(c compare.Costs) float64 { return c.RunningPerYear }))
	row(l.word("totalCost"), money(func(c compare.Costs) float64 { return c.Total }))
	row(l.Label("presentValue"), func(f compare.Figures) string {
		if f.Costs.DiscountRate == 0 {
			return l.Label("presentValueNoneShort")
		}
		return l.Amount(f.Costs.PresentValue, f.Currency).Text
	})
	row(l.word("perHousehold"), func(f compare.Figures) string {
		if v := f.Costs.PerHouseholdPerYear; v != nil {
			return l.smallAmount(*v, f.Currency)
		}
		return l.Label("unknown")
	})
	row(l.Label("adminShare"), func(f compare.Figures) string {
		if v := f.Costs.AdminShare; v != nil {
			return l.Percent(*v)
		}
		return l.Label("unknownShare")
	})
}

// smallAmount is a sum of money with two decimals at most (a cost per
// household), with its currency.
func (l *Language) smallAmount(v float64, currency string) string {
	if currency == "" {
		return l.Number(v, 2)
	}
	return l.Number(v, 2) + l.style.UnitSpace + currency
}

// Budget is the scenario's costs by year, nil when it was not analysed.
func (s *Scenario) Budget() *Budget {
	if s.Analysis == nil {
		return nil
	}
	return s.Analysis.Budget
}

// budget writes the costs by year, the totals and their assumptions.
func (t *textWriter) budget(b *Budget) {
	if b == nil {
		return
	}
	t.heading(t.l.Label("costsOverTime"), '-')
	t.table(b.Years.cols(), b.Years.rows(), 0)
	t.buf.WriteString("\n")
	facts := make([][2]string, len(b.Facts))
	for i, f := range b.Facts {
		facts[i] = [2]string{f.Label, f.Value}
	}
	t.facts(facts)
	t.buf.WriteString("\n")
	for _, s := range b.Basis {
		t.line("- " + s)
	}
}
