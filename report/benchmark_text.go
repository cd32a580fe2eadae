package report

import (
	"cmp"
	"io"
	"strings"
)

// WriteBenchmarkText writes the international comparison and the scorecard
// of every scenario of a report as plain-text tables for a terminal, in the
// report's language. Countries go by their ISO codes in the wide tables; the
// first table names them.
func WriteBenchmarkText(w io.Writer, r *Report) error {
	return writeText(w, r, func(t *textWriter, s *Scenario) {
		if c := s.Comparison; c != nil {
			t.comparison(c)
		}
		t.scorecard(s.Scorecard)
	})
}

func (t *textWriter) comparison(c *Comparison) {
	l := t.l
	t.heading(l.Label("countriesCompared"), '-')
	var rows [][]string
	for _, co := range c.Countries {
		name := co.Name
		if co.Own {
			name += " (" + l.Label("ownCountry") + ")"
		}
		rows = append(rows, []string{co.Code, name, co.Agency})
	}
	t.table([]col{left(l.Label("code")), left(l.Label("country")), left(l.Label("benchAgency"))}, rows, 0)

	t.heading(l.Label("frameComparison"), '-')
	cols := []col{left(l.Label("country"))}
	for _, h := range c.FrameHeads {
		cols = append(cols, left(h))
	}
	rows = nil
	for _, f := range c.Frame {
		rows = append(rows, append([]string{cmp.Or(f.Code, f.Name)}, f.Cells...))
	}
	t.table(cols, rows, 0)

	t.heading(l.Label("benchIndicators"), '-')
	rows = nil
	for _, ind := range c.Indicators {
		rows = append(rows, []string{ind.Label, ind.Unit, ind.Scenario, ind.Min, ind.Median, ind.Max, ind.Comparable, ind.Position})
	}
	t.table([]col{left(l.Label("indicator")), left(l.Label("measure")), right(l.Label("scenario")), right(l.Label("min")),
		right(l.Label("median")), right(l.Label("max")), right(l.Label("comparableKnown")), left(l.Label("position"))}, rows, 0)
	byIndicator := map[string][][]string{}
	var order []string
	for _, b := range c.Bases {
		if byIndicator[b.Indicator] == nil {
			order = append(order, b.Indicator)
		}
		comparable := b.Comparable
		if b.Reasons != "" {
			comparable += " — " + b.Reasons
		}
		byIndicator[b.Indicator] = append(byIndicator[b.Indicator], []string{b.Code, b.Value, b.Unit, comparable, b.Basis})
	}
	for _, ind := range order {
		t.subheading(ind)
		t.table([]col{left(l.Label("code")), right(l.Label("value")), left(l.Label("measure")), left(l.Label("comparable")),
			left(l.Label("basis"))}, byIndicator[ind], 0)
	}

	t.heading(l.Label("chainComparison"), '-')
	rows = nil
	for _, st := range c.Chain {
		groups := make([]string, len(st.Groups))
		for i, g := range st.Groups {
			groups[i] = g.Party + l.Label("colon") + " " + strings.Join(g.Countries, ", ")
		}
		rows = append(rows, []string{st.Stage, st.Scenario, strings.Join(groups, l.Label("listSeparator"))})
	}
	t.table([]col{left(l.Label("stage")), left(l.Label("scenario")), left(l.Label("countriesByParty"))}, rows, 0)

	t.heading(l.Label("peers"), '-')
	colon := l.Label("colon") + " "
	for _, p := range c.Peers { // the features on lines of their own: they are long
		t.line("  " + p.Rank.Text + ". " + p.Code + "  " + p.Country + colon + p.Score)
		t.line("       " + l.Label("nearFeatures") + colon + or(p.Near))
		t.line("       " + l.Label("farFeatures") + colon + or(p.Far))
	}
	if p := c.Self; p != nil {
		t.line("  " + l.Label("selfPeer") + colon + p.Code + "  " + p.Country + colon + p.Score)
		t.line("       " + c.SelfNote)
		t.line("       " + l.Label("nearFeatures") + colon + or(p.Near))
		t.line("       " + l.Label("farFeatures") + colon + or(p.Far))
	}

	t.heading(l.Label("lessons"), '-')
	if len(c.Lessons) == 0 {
		t.line("  " + l.Label("noLesson"))
	}
	for i, ls := range c.Lessons {
		if i > 0 {
			t.buf.WriteString("\n")
		}
		t.line("  " + ls.Code + "  " + ls.Country + " — " + ls.Because)
		t.line("    " + ls.Text)
		if ls.Source.Text != "" {
			t.line("    " + l.Label("source") + l.Label("colon") + " " + citationText(ls.Source))
		}
	}
}

// citationText is a citation for a terminal: its title and its address.
func citationText(c Citation) string {
	if c.URL == "" {
		return c.Text
	}
	return c.Text + " <" + c.URL + ">"
}

func (t *textWriter) scorecard(instruments []Instrument) {
	l := t.l
	if len(instruments) == 0 {
		return
	}
	t.heading(l.Label("instruments"), '-')
	for _, in := range instruments {
		t.subheading(in.Title)
		var rows [][]string
		for _, r := range in.Rows {
			var readings []string
			for _, s := range r.Supports {
				readings = append(readings, "+ "+s)
			}
			for _, s := range r.Weakens {
				readings = append(readings, "⚠ "+s)
			}
			if len(readings) == 0 {
				readings = []string{"—"}
			}
			for i, rd := range readings { // one reading per line, the criterion on the first
				if i == 0 {
					rows = append(rows, []string{r.Title, or(r.Rating), rd})
				} else {
					rows = append(rows, []string{"", "", rd})
				}
			}
		}
		t.table([]col{left(l.Label("criterion")), left(l.Label("assessmentRatingColumn")), left(l.Label("structureReadings"))}, rows, 0)
	}
}
