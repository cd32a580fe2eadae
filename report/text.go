package report

import (
	"bytes"
	"cmp"
	"io"
	"slices"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/internal/textfmt"
)

// Text limits: a terminal shows the first rows of a long table and says how
// many it leaves out; the JSON and Markdown outputs give everything.
const (
	textRows     = 15 // rows of a long table
	capacityRows = 10 // places short of staff, the largest shortfalls first
)

// WriteAnalysisText writes the analysis of every scenario of a report as
// aligned plain-text tables for a terminal, in the report's language.
func WriteAnalysisText(w io.Writer, r *Report) error {
	return writeText(w, r, (*textWriter).scenario)
}

// writeText writes each scenario of a report, under its title, as text for a
// terminal.
func writeText(w io.Writer, r *Report, each func(*textWriter, *Scenario)) error {
	l, err := NewLanguage(r.Lang)
	if err != nil {
		return err
	}
	t := &textWriter{l: l}
	for i, s := range r.Scenarios {
		if i > 0 {
			t.buf.WriteString("\n") // and the heading's blank line
		}
		title := s.Title
		if s.ID != "" && s.ID != s.Title {
			title += " [" + s.ID + "]"
		}
		t.heading(title, '=')
		each(t, s)
	}
	_, err = w.Write(t.buf.Bytes())
	return err
}

// textWriter lays out the text output.
type textWriter struct {
	buf bytes.Buffer
	l   *Language
}

// col is a table column: its heading and whether it holds numbers (right-aligned).
type col struct {
	head  string
	right bool
}

func left(label string) col  { return col{head: label} }
func right(label string) col { return col{head: label, right: true} }

// heading writes a title underlined with a rule, after a blank line unless it
// starts the output.
func (t *textWriter) heading(title string, rule rune) { textfmt.Heading(&t.buf, title, rule) }

// facts writes "label: value" lines, the values aligned.
func (t *textWriter) facts(rows [][2]string) { textfmt.Facts(&t.buf, rows, t.l.Label("colon")) }

// subheading writes a table's title after a blank line.
func (t *textWriter) subheading(title string) {
	t.buf.WriteString("\n")
	t.line(title)
}

// line writes a line of text, escaped for the terminal.
func (t *textWriter) line(s string) { t.buf.WriteString(escape.Terminal(s) + "\n") }

// table writes rows under their column headings, aligned, keeping the first
// limit rows (all when limit is 0) and saying how many are left out.
func (t *textWriter) table(cols []col, rows [][]string, limit int) {
	if len(rows) == 0 {
		return
	}
	hidden := 0
	if limit > 0 && len(rows) > limit {
		rows, hidden = rows[:limit], len(rows)-limit
	}
	head := make([]string, len(cols))
	right := make([]bool, len(cols))
	for i, c := range cols {
		head[i], right[i] = c.head, c.right
	}
	textfmt.Table(&t.buf, head, right, rows)
	if hidden > 0 {
		t.buf.WriteString("  … " + t.l.Count(hidden).Text + " " + t.l.Label("more") + "\n")
	}
}

// or returns s, or a dash when s is empty.
func or(s string) string { return cmp.Or(s, "—") }

func (t *textWriter) scenario(s *Scenario) {
	l := t.l
	a := s.Analysis
	if a == nil {
		return
	}
	c := a.Costs
	t.heading(l.Label("units"), '-')
	t.facts([][2]string{
		{l.Label("headcount"), c.Total.Headcount.Text},
		{l.Label("payroll"), c.Total.Payroll.Text},
		{l.Label("setupCost"), c.Setup.Text},
		{l.Label("annualCost"), c.Annual.Text},
	})
	money := []col{right(l.Label("headcount")), right(l.Label("payroll")), right(l.Label("setupCost")), right(l.Label("annualCost"))}
	var rows [][]string
	for _, u := range c.Units {
		rows = append(rows, []string{u.Name, u.Tier, u.Instances.Text, u.Headcount.Text, u.Payroll.Text, u.Setup.Text, u.Annual.Text})
	}
	t.buf.WriteString("\n")
	t.table(append([]col{left(l.Label("unit")), left(l.Label("tier")), right(l.Label("instances"))}, money...), rows, textRows)
	groups := func(title, first string, gs []GroupRow) {
		rows = nil
		for _, g := range gs {
			rows = append(rows, []string{g.Name, g.Instances.Text, g.Headcount.Text, g.Payroll.Text, g.Setup.Text, g.Annual.Text})
		}
		if len(rows) == 0 {
			return
		}
		t.subheading(title)
		t.table(append([]col{left(first), right(l.Label("instances"))}, money...), rows, textRows)
	}
	groups(l.Label("byTier"), l.Label("tier"), append(slices.Clone(c.Tiers), c.Total))
	groups(l.Label("byTerritory"), l.Label("territory"), c.Territories)
	rows = nil
	for _, p := range c.Profiles {
		fo := ""
		if p.FrontOffice {
			fo = l.Label("yes")
		}
		rows = append(rows, []string{p.Title, fo, p.Headcount.Text, p.Payroll.Text})
	}
	if len(rows) > 0 {
		t.subheading(l.Label("byProfile"))
		t.table([]col{left(l.Label("profile")), left(l.Label("frontOffice")), right(l.Label("headcount")), right(l.Label("payroll"))}, rows, textRows)
	}
	t.structure(a.Structure)
	t.chain(a.Chain)
	t.capacity(a.Capacity)
	t.systems(a.Systems)
	t.heading(l.Label("indicators"), '-')
	var facts [][2]string
	for _, row := range a.Indicators {
		facts = append(facts, [2]string{row.Label, row.Value})
	}
	t.facts(facts)
	if len(a.Phases) > 0 {
		t.heading(l.Label("buildUp"), '-')
		rows = nil
		for _, p := range a.Phases {
			rows = append(rows, []string{p.Title, or(p.Start), p.Units.Text, p.Headcount.Text, p.Payroll.Text, p.Offices.Text, or(p.Opens)})
		}
		t.table([]col{left(l.Label("phase")), left(l.Label("start")), right(l.Label("instances")), right(l.Label("headcount")),
			right(l.Label("payroll")), right(l.Label("offices")), left(l.Label("opens"))}, rows, 0)
	}
	t.budget(a.Budget)
}

func (t *textWriter) structure(s Structure) {
	l := t.l
	t.heading(l.Label("structure"), '-')
	t.facts([][2]string{
		{l.Label("unitInstances"), s.Units.Text},
		{l.Label("layers"), s.Layers.Text},
		{l.Label("averageSpan"), s.AverageSpan.Text},
		{l.Label("spanLimit"), s.MaxSpan.Text},
		{l.Label("roots"), or(s.Roots)},
	})
	var rows [][]string
	for _, b := range s.Distribution {
		rows = append(rows, []string{b.Span.Text, b.Units.Text})
	}
	if len(rows) > 0 {
		t.subheading(l.Label("spanDistribution"))
		t.table([]col{right(l.Label("span")), right(l.Label("instances"))}, rows, 0)
	}
	t.subheading(l.Label("overSpan"))
	if len(s.OverSpan) == 0 {
		t.line("  " + l.Label("noOverSpan"))
	}
	rows = nil
	for _, o := range s.OverSpan {
		rows = append(rows, []string{o.Name, o.Layer.Text, o.Subordinates.Text})
	}
	t.table([]col{left(l.Label("unit")), right(l.Label("layer")), right(l.Label("span"))}, rows, textRows)
	if len(s.Dotted) > 0 {
		t.subheading(l.Label("dottedLines"))
		rows = nil
		for _, d := range s.Dotted {
			rows = append(rows, []string{d.From, "→ " + d.To})
		}
		t.table([]col{left(l.Label("from")), left(l.Label("to"))}, rows, textRows)
	}
}

func (t *textWriter) chain(c Chain) {
	l := t.l
	t.heading(l.Label("chain"), '-')
	var rows [][]string
	for _, s := range c.Stages {
		acc := s.Accountable
		switch {
		case s.Gap:
			acc = "⚠ " + l.Label("gap")
		case s.Overlap:
			acc += " ⚠ " + l.Label("overlap")
		}
		rows = append(rows, []string{s.Stage, acc, or(s.Responsible)})
	}
	t.table([]col{left(l.Label("stage")), left(l.Label("raciA")), left(l.Label("raciR"))}, rows, 0)
	t.buf.WriteString("\n")
	t.facts([][2]string{
		{l.Label("chainGaps"), or(c.Gaps)},
		{l.Label("chainOverlaps"), or(c.Overlaps)},
		{l.Label("mandateGaps"), or(c.MandateGaps)},
		{l.Label("segregation"), or(c.Segregation)},
		{l.Label("idleUnits"), or(c.Idle)},
	})
}

func (t *textWriter) capacity(c Capacity) {
	l := t.l
	t.heading(l.Label("capacity"), '-')
	t.facts([][2]string{
		{l.Label("requiredStaff"), c.Required.Text},
		{l.Label("plannedStaff"), c.Planned.Text},
		{l.Label("shortfall"), c.Gap.Text},
		{l.Label("frontOfficeStaff"), c.FrontOffice.Text},
		{l.Label("householdsPerFOA"), c.HouseholdsPerFOA.Text},
	})
	if len(c.Standards) == 0 {
		t.buf.WriteString("\n")
		t.line("  " + l.Label("noStandards"))
	}
	var rows [][]string
	for _, s := range c.Standards {
		rows = append(rows, []string{s.Profile, s.Norm, s.Tier})
	}
	if len(rows) > 0 {
		t.subheading(l.Label("standards"))
		t.table([]col{left(l.Label("profile")), left(l.Label("norm")), left(l.Label("tier"))}, rows, 0)
	}
	var all []CapacityRow
	rows = nil
	for _, g := range c.Groups {
		all = append(all, g.Rows...)
		rows = append(rows, []string{g.Name, g.Instances.Text, g.Planned.Text, g.Required.Text, g.Gap.Text, g.Short.Text})
	}
	if len(rows) > 0 {
		t.subheading(l.Label("capacityByUnit"))
		t.table([]col{left(l.Label("unit")), right(l.Label("places")), right(l.Label("plannedStaff")), right(l.Label("requiredStaff")),
			right(l.Label("shortfall")), right(l.Label("shortUnits"))}, rows, 0)
		slices.SortStableFunc(all, func(a, b CapacityRow) int { return cmp.Compare(b.Gap.Value, a.Gap.Value) })
		rows = nil
		for _, in := range all {
			if in.Gap.Value > 0 {
				rows = append(rows, []string{in.Name, in.Households.Text, in.Planned.Text, in.Required.Text, gapText(in.Gap)})
			}
		}
		t.subheading(l.Label("largestGaps"))
		if len(rows) == 0 {
			t.line("  " + l.Label("noShortfall"))
		}
		t.table([]col{left(l.Label("instance")), right(l.Label("households")), right(l.Label("plannedStaff")), right(l.Label("requiredStaff")),
			right(l.Label("gapColumn"))}, rows, capacityRows)
	}
	rows = nil
	for _, p := range c.National {
		rows = append(rows, []string{p.Profile, p.Planned.Text, p.Required.Text, gapText(p.Gap)})
	}
	if len(rows) > 0 {
		t.subheading(l.Label("nationalStandards"))
		t.table([]col{left(l.Label("profile")), right(l.Label("plannedStaff")), right(l.Label("requiredStaff")), right(l.Label("gapColumn"))}, rows, 0)
	}
	rows = nil
	for _, ch := range c.Channels { // one line per channel, the stage and what it leaves uncovered on the first
		unc := "—"
		if ch.Uncovered != "" {
			unc = "⚠ " + ch.Uncovered
		}
		for i, each := range ch.Each {
			if i == 0 {
				rows = append(rows, []string{ch.Stage, each, unc})
			} else {
				rows = append(rows, []string{"", each, ""})
			}
		}
	}
	t.subheading(l.Label("channelsByStage"))
	if len(rows) == 0 {
		t.line("  " + l.Label("noChannel"))
	}
	t.table([]col{left(l.Label("stage")), left(l.Label("channels")), left(l.Label("uncovered"))}, rows, 0)
}

// gapText marks a shortfall.
func gapText(f Figure) string {
	if f.Value > 0 {
		return "⚠ " + f.Text
	}
	return f.Text
}

func (t *textWriter) systems(s Systems) {
	l := t.l
	t.heading(l.Label("systems"), '-')
	var rows [][]string
	for _, m := range s.ByMode {
		rows = append(rows, []string{m.Mode, m.Interfaces.Text})
	}
	rows = append(rows, []string{l.Label("total"), s.Interfaces.Text})
	t.table([]col{left(l.Label("mode")), right(l.Label("interfaces"))}, rows, 0)
	issues := func(title, last string, list []IssueRow, what func(IssueRow) string) {
		t.subheading(title)
		if len(list) == 0 {
			t.line("  " + l.Label("noIssue"))
			return
		}
		rows = nil
		for _, i := range list {
			rows = append(rows, []string{i.Interface, i.From + " → " + i.To, or(i.Stages), what(i)})
		}
		t.table([]col{left(l.Label("interface")), left(l.Label("from") + " → " + l.Label("to")), left(l.Label("stages")), left(last)}, rows, textRows)
	}
	issues(l.Label("personalDataIssues"), l.Label("problems"), s.PersonalData, func(i IssueRow) string { return "⚠ " + i.Problems })
	issues(l.Label("manualOnChain"), l.Label("mode"), s.Manual, func(i IssueRow) string { return i.Mode })
	rows = nil
	for _, d := range s.Dependencies {
		crit := ""
		if d.Critical {
			crit = "⚠ " + l.Label("critical")
		}
		rows = append(rows, []string{d.System, d.Count.Text, crit})
	}
	if len(rows) > 0 {
		t.subheading(l.Label("dependencies"))
		t.table([]col{left(l.Label("system")), right(l.Label("stageCount")), left("")}, rows, textRows)
	}
}
