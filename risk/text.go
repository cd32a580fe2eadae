package risk

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/internal/textfmt"
)

// WriteText writes assessments as plain text for a terminal: the register
// sorted by residual score, the heat maps side by side, the open findings
// with their reasons and suggested mitigations, the dismissed ones with the
// reasons they were set aside, and the simulation when there is one.
func WriteText(w io.Writer, list []*Assessment, lang string) error {
	t := &textWriter{lang: lang, st: textfmt.For(lang)}
	for i, a := range list {
		if i > 0 {
			t.buf.WriteString("\n")
		}
		t.assessment(a)
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

type textWriter struct {
	buf  bytes.Buffer
	lang string
	st   textfmt.Style
}

func (t *textWriter) w(key string) string { return word(t.lang, key) }

// heading writes a title underlined with a rule, after a blank line unless
// it starts the output.
func (t *textWriter) heading(title string, rule rune) { textfmt.Heading(&t.buf, title, rule) }

// facts writes "label: value" lines, the values aligned.
func (t *textWriter) facts(rows [][2]string) { textfmt.Facts(&t.buf, rows, t.w("colon")) }

// table writes rows under their headings, aligned; right lists the columns
// of numbers (right-aligned).
func (t *textWriter) table(head []string, right []bool, rows [][]string) {
	textfmt.Table(&t.buf, head, right, rows)
}

// subheading writes a table's title after a blank line.
func (t *textWriter) subheading(title string) {
	t.buf.WriteString("\n" + escape.Terminal(title) + "\n")
}

// para writes a labelled paragraph, wrapped at 100 columns and indented.
func (t *textWriter) para(indent, label, text string) {
	words := strings.Fields(escape.Terminal(text))
	line := indent + label
	width := utf8.RuneCountInString(line)
	for i, w := range words {
		n := utf8.RuneCountInString(w)
		if i > 0 && width+1+n > 100 {
			t.buf.WriteString(line + "\n")
			line, width = indent+"  "+w, utf8.RuneCountInString(indent)+2+n
			continue
		}
		if i > 0 {
			line += " "
			width++
		}
		line += w
		width += n
	}
	t.buf.WriteString(line + "\n")
}

func (t *textWriter) level(l Level) string { return t.w("level." + l.String()) }

func scoreText(s Score) string {
	return itoa(s.Score) + " (" + itoa(s.Likelihood) + "×" + itoa(s.Impact) + ")"
}

// shorten cuts a title to n characters.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func (t *textWriter) assessment(a *Assessment) {
	title := a.Title
	if a.Scenario != "" && a.Scenario != a.Title {
		title += " [" + a.Scenario + "]"
	}
	t.heading(title, '=')
	t.heading(t.w("title.register"), '-')
	t.facts([][2]string{
		{t.w("registerCount"), strings.TrimSpace(itoa(len(a.Risks)) + " " + acceptedNote(a, t.lang))},
		{t.w("openCount"), itoa(a.OpenFindings())},
		{t.w("dismissedCount"), itoa(len(a.FindingsWith(Dismissed)))},
		{t.w("exposure"), itoa(a.Exposure()) + " (" + t.w("exposureNote") + ")"},
		{t.w("appetite"), t.level(a.Appetite) + " (" + t.w("appetite."+appetiteKey(a.AppetiteSource)) + ")"},
		{t.w("aboveAppetite"), itoa(len(a.AboveAppetite))},
	})
	if len(a.Risks) > 0 {
		var rows [][]string
		for _, it := range a.Risks {
			level := t.level(it.Level)
			if it.Above {
				level += " ▲"
			}
			rows = append(rows, []string{scoreText(it.Residual), level, it.ID, shorten(it.Title, 60),
				scoreText(it.Inherent), scoreText(it.Current), originText(it, t.lang)})
		}
		t.buf.WriteString("\n")
		t.table([]string{t.w("residual"), t.w("level"), t.w("id"), t.w("risk"), t.w("inherent"), t.w("current"), t.w("origin")},
			[]bool{true, false, false, false, true, true, false}, rows)
	}
	t.heading(t.w("title.heatmaps")+" ("+t.w("axes")+")", '-')
	t.heatmaps(a.Matrix)
	t.heading(t.w("title.open"), '-')
	if a.OpenFindings() == 0 {
		t.buf.WriteString("  " + t.w("noOpen") + "\n")
	} else {
		t.para("  ", "", t.w("openNote"))
	}
	for _, f := range a.FindingsWith(Open) {
		t.buf.WriteString("\n")
		t.para("  ", "["+t.w("indicative")+" "+itoa(f.Indicative.Score)+" "+t.level(f.Indicative.Level)+"] ", f.Title+" ["+f.ID+"]")
		t.para("    ", t.w("explanation")+t.w("colon"), f.Explanation)
		t.para("    ", t.w("suggestion")+t.w("colon"), f.Suggestion)
	}
	if dismissed := a.FindingsWith(Dismissed); len(dismissed) > 0 {
		t.heading(t.w("title.dismissed"), '-')
		for i, f := range dismissed {
			if i > 0 {
				t.buf.WriteString("\n")
			}
			t.para("  ", "", f.Title+" ["+f.ID+"]")
			t.para("    ", t.w("reason")+t.w("colon"), f.Reason)
			t.para("    ", t.w("explanation")+t.w("colon"), f.Explanation)
		}
	}
	if a.Simulation != nil {
		t.simulation(a.Simulation, a.Currency)
	}
}

// acceptedNote says how many of the register's risks accept a finding:
// "(dont 2 constats acceptés)", or "" when none does.
func acceptedNote(a *Assessment, lang string) string {
	switch n := len(a.FindingsWith(Accepted)); n {
	case 0:
		return ""
	case 1:
		return "(" + word(lang, "acceptedNoteOne") + ")"
	default:
		return "(" + strings.ReplaceAll(word(lang, "acceptedNote"), "{n}", itoa(n)) + ")"
	}
}

// originText is where a register risk comes from: the register, or the
// finding it accepts.
func originText(it Item, lang string) string {
	if it.Finding != "" {
		return word(lang, "origin.finding") + " " + it.Finding
	}
	return word(lang, "origin.register")
}

func appetiteKey(source string) string {
	switch source {
	case "option":
		return "flag"
	case "scenario":
		return "assumed"
	}
	return "default"
}

// heatmaps draws the inherent and residual grids side by side: likelihood 5
// at the top, impact 1 on the left, a dot for an empty cell.
func (t *textWriter) heatmaps(m Matrix) {
	cell := func(n int) string {
		if n == 0 {
			return "   ·"
		}
		s := itoa(n)
		return strings.Repeat(" ", max(0, 4-len(s))) + s
	}
	pad := func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) }
	const width = 24 // "  5 │" + 5 cells of 4 - 1
	var b strings.Builder
	b.WriteString("       " + pad(t.w("inherent"), width) + "     " + t.w("residual") + "\n")
	for l := 5; l >= 1; l-- {
		for g, grid := range []Grid{m.Inherent, m.Residual} {
			if g == 1 {
				b.WriteString("   ")
			}
			b.WriteString("  " + itoa(l) + " │")
			for i := 1; i <= 5; i++ {
				b.WriteString(cell(grid[l-1][i-1]))
			}
		}
		b.WriteString("\n")
	}
	axis := "    └" + strings.Repeat("─", 20)
	b.WriteString(axis + "   " + axis + "\n")
	nums := "      " + "   1   2   3   4   5"
	b.WriteString(strings.TrimRight(nums[1:]+"   "+nums[1:], " ") + "\n")
	t.buf.WriteString(b.String())
}

func (t *textWriter) simulation(s *Simulation, currency string) {
	money := func(v float64) string { return t.st.Amount(v, currency) }
	t.heading(t.w("title.simulation"), '-')
	t.facts([][2]string{
		{t.w("draws"), t.st.Int(s.Draws)},
		{t.w("seed"), strconv.FormatUint(s.Seed, 10)},
	})
	if s.Calibration.Illustrative {
		t.buf.WriteString("\n")
		t.para("  ", "", t.w("illustrative"))
	}
	t.buf.WriteString("\n")
	t.para("  ", "", t.w("simScope"))
	t.buf.WriteString("\n")
	t.table([]string{"", t.w("expectedLoss"), t.w("p50"), t.w("p90")}, []bool{false, true, true, true}, [][]string{
		{t.w("before"), money(s.Inherent.ExpectedAnnualLoss), money(s.Inherent.P50), money(s.Inherent.P90)},
		{t.w("after"), money(s.Residual.ExpectedAnnualLoss), money(s.Residual.P50), money(s.Residual.P90)},
	})
	t.subheading(t.w("title.calibration") + " (" + strings.ToLower(calibrationSources(s.Calibration.Sources, t.lang)) + ")")
	var rows [][]string
	for i := range 5 {
		rows = append(rows, []string{itoa(i + 1), t.st.Percent(s.Calibration.Likelihood[i]),
			money(s.Calibration.Impact[i].Low) + " – " + money(s.Calibration.Impact[i].High)})
	}
	t.table([]string{t.w("level"), t.w("probability"), t.w("costRange")}, []bool{true, true, false}, rows)
	const top = 10
	if len(s.Risks) > 0 {
		t.subheading(t.w("title.tail"))
		rows = nil
		for i, r := range s.Risks {
			if i == top {
				break
			}
			rows = append(rows, []string{r.ID, t.st.Percent(r.TailShare), money(r.ExpectedLoss), money(r.ResidualExpectedLoss)})
		}
		t.table([]string{t.w("risk"), t.w("tailShare"), t.w("expectedLoss") + " (" + strings.ToLower(t.w("inherent")) + ")",
			t.w("expectedLoss") + " (" + strings.ToLower(t.w("residual")) + ")"}, []bool{false, true, true, true}, rows)
		t.more(len(s.Risks) - top)
	}
	if len(s.Mitigations) > 0 {
		t.subheading(t.w("title.mitigations"))
		rows = nil
		for i, m := range s.Mitigations {
			if i == top {
				break
			}
			per := "—"
			if m.PerUnitCost != nil {
				per = t.st.Number(*m.PerUnitCost, 4)
			}
			rows = append(rows, []string{m.ID, m.Risk, money(m.Cost), money(m.LossRemoved), per})
		}
		t.table([]string{t.w("mitigation"), t.w("risk"), t.w("cost"), t.w("lossRemoved"), t.w("perUnitCost")},
			[]bool{false, false, true, true, true}, rows)
		t.more(len(s.Mitigations) - top)
	}
}

func (t *textWriter) more(n int) {
	if n > 0 {
		t.buf.WriteString("  … " + t.st.Int(n) + " " + t.w("more") + "\n")
	}
}

// calibrationSources says where the probabilities and the costs come from.
func calibrationSources(s Sources, lang string) string {
	return word(lang, "source.likelihood") + word(lang, "colon") + word(lang, "source."+s.Likelihood) + word(lang, "semicolon") +
		strings.ToLower(word(lang, "source.impact")) + word(lang, "colon") + word(lang, "source."+s.Impact)
}
