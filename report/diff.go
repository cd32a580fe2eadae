package report

import (
	"cmp"
	"strings"

	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/risk"
)

// DiffReport is the semantic diff of two versions of a scenario, every
// figure formatted in one language: what `orgdesign diff` prints.
type DiffReport struct {
	Lang     string
	Title    string
	From     string // the old version: scenario id and where it was read
	To       string
	Empty    bool
	Sections []DiffSection // only those with changes, in a fixed order
}

// DiffSection is one kind of change and its table.
type DiffSection struct {
	Title string
	Table Table
}

// DiffOptions tune BuildDiff.
type DiffOptions struct {
	Lang     string
	From, To string // how to name the two versions; the files by default
	Currency string // of the payroll deltas
}

// BuildDiff formats a diff in a language.
func BuildDiff(d *compare.Diff, opts DiffOptions) (*DiffReport, error) {
	l, err := NewLanguage(opts.Lang)
	if err != nil {
		return nil, err
	}
	dr := &DiffReport{Lang: l.code, Title: l.word("diffTitle"), Empty: d.Empty(),
		From: d.From.Scenario + " (" + cmp.Or(opts.From, d.From.File) + ")",
		To:   d.To.Scenario + " (" + cmp.Or(opts.To, d.To.File) + ")"}
	add := func(key string, t Table) {
		if len(t.Rows) > 0 {
			dr.Sections = append(dr.Sections, DiffSection{Title: l.word(key), Table: t})
		}
	}
	add("diffUnits", unitTable(d.Units, l))
	add("diffStaff", staffTable(d.Staff, opts.Currency, l))
	add("diffMandates", raciTable(d.Mandates, true, l))
	add("diffChain", raciTable(d.Chain, false, l))
	add("diffInterfaces", interfaceTable(d.Interfaces, l))
	add("diffRisks", riskTable(d.Risks, l))
	t := Table{Head: []string{l.word("change"), l.word("id"), l.word("name")}}
	for _, c := range d.Channels {
		t.Rows = append(t.Rows, []string{l.word("change-" + c.Change), c.ID, c.Name})
	}
	add("diffChannels", t)
	return dr, nil
}

func (l *Language) arrow(from, to string) string {
	return cmp.Or(from, "—") + " → " + cmp.Or(to, "—")
}

func unitTable(list []compare.UnitChange, l *Language) Table {
	t := Table{Head: []string{l.word("change"), l.word("unitId"), l.word("name"), l.word("tier"), l.word("detail")}}
	for _, c := range list {
		detail := ""
		switch c.Change {
		case compare.Added, compare.Removed:
			if c.ReportsTo != "" {
				detail = l.wordf("reportsTo", "{unit}", c.ReportsTo)
			}
		case compare.Moved:
			detail = l.word("reportsToChange") + " " + l.arrow(c.OldReportsTo, c.ReportsTo)
		case compare.Renamed:
			detail = l.arrow(c.OldName, c.Name)
		case compare.RenameCandidate:
			detail = l.wordf("oldID", "{id}", c.OldUnit)
		}
		t.Rows = append(t.Rows, []string{l.word("change-" + c.Change), c.Unit, c.Name, l.Enum("tier", c.Tier), detail})
	}
	return t
}

// signed formats a delta with its sign (a minus sign, not a hyphen).
func signed(v float64, text func(float64) string) string {
	switch {
	case v > 0:
		return "+" + text(v)
	case v < 0:
		return "−" + text(-v)
	}
	return text(0)
}

func staffTable(list []compare.StaffDelta, currency string, l *Language) Table {
	changed := false
	for _, s := range list {
		changed = changed || s.Headcount.Delta != 0 || s.Payroll.Delta != 0
	}
	t := Table{Head: []string{l.word("tier"), l.word("headcountFrom"), l.word("headcountTo"), l.word("delta"),
		l.word("payrollFrom"), l.word("payrollTo"), l.word("delta")}, Right: rightCols(7, 1)}
	if !changed {
		return t
	}
	count := func(v float64) string { return l.Number(v, 0) }
	money := func(v float64) string { return l.Amount(v, currency).Text }
	for _, s := range list {
		tier := l.Enum("tier", s.Tier)
		if s.Tier == compare.TotalTier {
			tier = l.word("total")
		}
		t.Rows = append(t.Rows, []string{tier, count(s.Headcount.From), count(s.Headcount.To), signed(s.Headcount.Delta, count),
			money(s.Payroll.From), money(s.Payroll.To), signed(s.Payroll.Delta, money)})
	}
	return t
}

func raciTable(list []compare.RACIChange, mandates bool, l *Language) Table {
	t := Table{Head: []string{l.word("stage"), l.word("accountable"), l.word("responsible")}}
	if mandates {
		t.Head = []string{l.word("change"), l.word("mandate"), l.word("name"), l.word("accountable"), l.word("responsible")}
	}
	for _, c := range list {
		acc := strings.Join(c.AccountableTo, ", ")
		if c.Change == compare.Changed && strings.Join(c.AccountableFrom, ", ") != acc {
			acc = l.arrow(strings.Join(c.AccountableFrom, ", "), acc)
		}
		if c.Change == compare.Removed {
			acc = strings.Join(c.AccountableFrom, ", ")
		}
		var resp []string
		for _, p := range c.ResponsibleAdded {
			resp = append(resp, "+"+p)
		}
		for _, p := range c.ResponsibleRemoved {
			resp = append(resp, "−"+p)
		}
		row := []string{cmp.Or(acc, "—"), cmp.Or(strings.Join(resp, ", "), "—")}
		if mandates {
			t.Rows = append(t.Rows, append([]string{l.word("change-" + c.Change), c.Subject, c.Title}, row...))
		} else {
			t.Rows = append(t.Rows, append([]string{l.Enum("stage", c.Subject)}, row...))
		}
	}
	return t
}

func interfaceTable(list []compare.InterfaceChange, l *Language) Table {
	t := Table{Head: []string{l.word("change"), l.word("interface"), l.word("systems"), l.word("detail")}}
	for _, c := range list {
		var fields []string
		for _, f := range c.Fields {
			fields = append(fields, l.word("field-"+f.Field)+l.Label("colon")+" "+l.arrow(fieldValue(f.Field, f.From, l), fieldValue(f.Field, f.To, l)))
		}
		t.Rows = append(t.Rows, []string{l.word("change-" + c.Change), c.ID, c.From + " → " + c.To, strings.Join(fields, l.Label("listSeparator"))})
	}
	return t
}

func riskTable(list []compare.RiskChange, l *Language) Table {
	t := Table{Head: []string{l.word("change"), l.word("risk"), l.word("name"), l.word("inherent"), l.word("residual")}}
	score := func(s *risk.Score) string {
		if s == nil {
			return ""
		}
		return l.Count(s.Score).Text + " (" + l.Enum("severity", s.Level.String()) + ")"
	}
	pair := func(from, to *risk.Score) string {
		switch {
		case from == nil:
			return score(to)
		case to == nil:
			return score(from)
		case *from == *to:
			return score(to)
		}
		return l.arrow(score(from), score(to))
	}
	for _, c := range list {
		t.Rows = append(t.Rows, []string{l.word("change-" + c.Change), c.ID, c.Title, pair(c.InherentFrom, c.InherentTo), pair(c.ResidualFrom, c.ResidualTo)})
	}
	return t
}

// fieldValue translates an interface field's value.
func fieldValue(field, v string, l *Language) string {
	switch {
	case v == "":
		return ""
	case field == "mode":
		return l.Enum("interfaceMode", v)
	case field == "agreement":
		return l.word("agreement-" + v)
	case field == "personalData":
		return l.yesNo(v == "yes")
	}
	return v
}
