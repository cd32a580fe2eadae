package chart

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// maxMonthCells is the longest roadmap drawn month by month; a longer one is
// drawn by quarter.
const maxMonthCells = 72

const barFill = "#5b9bd5"

// roadmap is a Gantt table: the phases in start order on a time axis (years,
// then months or quarters), each with its period, what it opens (units,
// channels, systems) and the headcount reached at its start.
func (b *builder) roadmap() []byte {
	r, d := b.r, b.d
	w := newDOT(b.title("roadmap"))
	var lg legend

	phases := slices.Clone(r.Phases)
	slices.SortStableFunc(phases, func(x, y *model.Phase) int {
		return cmp.Compare(startKey(validMonth(x.Start)), startKey(validMonth(y.Start)))
	})
	figures := map[string]analysis.PhaseFigures{}
	for _, f := range b.a.Phases {
		figures[f.Phase] = f
	}

	// Each phase runs from its start to its end, or to the month before the
	// next phase starts; the last open one runs to the end of the scenario's year.
	type span struct{ from, to int }
	spans := make([]span, len(phases))
	open := make([]bool, len(phases))
	lo, hi := -1, -1
	for i, p := range phases {
		from, ok := month(p.Start)
		if !ok {
			spans[i] = span{-1, -1}
			continue
		}
		to, ok := month(p.End)
		if !ok || to < from {
			to = -1
			for _, q := range phases[i+1:] {
				if next, ok := month(q.Start); ok && next > from {
					to = next - 1
					break
				}
			}
			if to < 0 {
				open[i] = true
				to = max(from+11, r.Header.Year*12+11)
			}
		}
		spans[i] = span{from, to}
		if lo < 0 || from < lo {
			lo = from
		}
		hi = max(hi, to)
	}
	step := 1
	if hi-lo+1 > maxMonthCells {
		step = 3
		lo -= lo % 3
	}
	var cells []int // first month of each cell
	for m := lo; lo >= 0 && m <= hi; m += step {
		cells = append(cells, m)
	}

	t := newTable(`BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#bfbfbf"`)
	head := `ROWSPAN="2" BGCOLOR="#f2f2f2"`
	t.row()
	t.cell(head+` ALIGN="LEFT"`, bold(text(d.w("phase"))))
	t.cell(head, bold(text(d.w("period"))))
	for i := 0; i < len(cells); {
		year, n := cells[i]/12, 0
		for i+n < len(cells) && cells[i+n]/12 == year {
			n++
		}
		t.cell(`COLSPAN="`+strconv.Itoa(n)+`" BGCOLOR="#f2f2f2"`, bold(text(strconv.Itoa(year))))
		i += n
	}
	t.cell(head+` ALIGN="LEFT"`, bold(text(d.w("opens"))))
	t.cell(head, bold(text(d.w("headcount"))))
	t.endRow()
	t.row()
	for _, m := range cells {
		label := fmt.Sprintf("%02d", m%12+1)
		if step == 3 {
			label = "T" + strconv.Itoa(m%12/3+1)
			if d.lang == "en" {
				label = "Q" + strconv.Itoa(m%12/3+1)
			}
		}
		t.cell(`BGCOLOR="#f2f2f2" WIDTH="14"`, `<FONT POINT-SIZE="7">`+text(label)+`</FONT>`)
	}
	if len(cells) == 0 {
		t.cell(`BGCOLOR="#f2f2f2"`, "")
	}
	t.endRow()

	anyOpen := false
	for i, p := range phases {
		t.row()
		t.cell(`ALIGN="LEFT" BALIGN="LEFT"`, bold(wrapText(p.Title, 30)))
		period := p.Start
		if sp := spans[i]; sp.from >= 0 {
			period = monthText(sp.from) + " – " + monthText(sp.to)
			if open[i] {
				period = monthText(sp.from) + " →"
			}
		}
		t.cell("", text(period))
		sp := spans[i]
		col := 0
		for col < len(cells) {
			inBar := sp.from >= 0 && cells[col]+step-1 >= sp.from && cells[col] <= sp.to
			if !inBar {
				t.cell("", "")
				col++
				continue
			}
			n := 0
			for col+n < len(cells) && cells[col+n] <= sp.to {
				n++
			}
			mark := ""
			if open[i] {
				mark = bold(colored("white", "→"))
				anyOpen = true
			}
			t.cell(`COLSPAN="`+strconv.Itoa(n)+`" BGCOLOR="`+barFill+`"`, mark)
			col += n
		}
		if len(cells) == 0 {
			t.cell("", "")
		}
		f, known := figures[p.ID]
		t.cell(`ALIGN="LEFT" BALIGN="LEFT"`, small(lines(b.opens(f.Opens)...)))
		hc := ""
		if known {
			hc = d.staff(f.Headcount)
		}
		t.cell(`ALIGN="RIGHT"`, text(hc))
		t.endRow()
	}
	if len(phases) == 0 {
		t.row()
		t.cell(`COLSPAN="3" ALIGN="LEFT"`, text(d.w("no-phases")+" "+strconv.Itoa(r.Header.Year)))
		t.cell("", "")
		t.cell(`ALIGN="RIGHT"`, text(d.staff(b.a.Costs.Headcount)))
		t.endRow()
	}
	w.node("roadmap", at("shape", "plain"), at("style", ""), hl(t.markup()))
	lg.swatch(barFill, "", d.w("phase-bar"))
	if anyOpen {
		lg.swatch(barFill, bold(colored("white", "→")), d.w("open-ended"))
	}
	lg.note(text(d.w("headcount")), d.w("headcount-note"))
	lg.write(w, d)
	w.invisible("roadmap", "legend")
	return w.bytes()
}

// opens lists, as escaped lines, what the analysis says opens with a phase
// (units, channels, systems): a replicated unit or channel as "N × name".
func (b *builder) opens(ids []string) []string {
	r, d := b.r, b.d
	var out []string
	for _, id := range ids {
		name := b.name(id)
		if e := r.Lookup(id); e != nil {
			switch x := e.Item.(type) {
			case *model.Unit:
				switch {
				case x.Replicated():
					name = d.int(len(b.instancesOf(x.ID))) + " × " + name
				case x.At != "":
					name = b.instanceName(x)
				}
			case *model.Channel:
				if x.Per != "" && r.Territory != nil {
					name = d.int(len(r.Territory.Level(x.Per))) + " × " + name
				}
			}
		}
		out = append(out, wrapText(name, 40))
	}
	return out
}

// startKey orders YYYY-MM starts; a phase without a start comes last.
func startKey(s string) string {
	if s == "" {
		return "9999-99"
	}
	return s
}

// month reads YYYY-MM as a month count; ok is false for anything else.
func month(s string) (int, bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, false
	}
	return y*12 + m - 1, true
}

// validMonth returns s when it reads as YYYY-MM, "" otherwise.
func validMonth(s string) string {
	if _, ok := month(s); ok {
		return s
	}
	return ""
}

func monthText(m int) string { return fmt.Sprintf("%04d-%02d", m/12, m%12+1) }
