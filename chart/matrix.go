package chart

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/model"
)

// maxMapLinks is the number of lines (interfaces merged per pair of systems
// and mode) above which the systems view is a matrix instead of a map: past
// it every layout is a tangle of long crossing lines (the synthetic national
// scenario, 30 systems and 120 interfaces, drew 115 lines over 258,185
// crossings, the largest and slowest chart of its report), while an N² chart
// stays readable at any density and lays out as one table.
const maxMapLinks = 50

// link is the interfaces of one mode between two systems (a matrix cell's
// content for that mode, an edge of the compact map): how many, and whether
// one of them exchanges personal data without an agreement or a legal basis.
type link struct {
	n     int
	issue bool
}

// linkKey is an ordered pair of systems and an interface mode.
type linkKey struct{ from, to, mode string }

// countLinks returns the number of lines the compact map would draw: the
// interfaces merged per ordered pair of systems and mode.
func countLinks(drawn []*model.Interface) int {
	seen := make(map[linkKey]bool, len(drawn))
	for _, f := range drawn {
		seen[linkKey{f.From, f.To, f.Mode}] = true
	}
	return len(seen)
}

// systemsByOwner groups systems by owner, owners in the order their first
// system appears, systems in the scenario's order.
func systemsByOwner(systems []*model.System) ([]string, map[string][]*model.System) {
	var owners []string
	members := map[string][]*model.System{}
	for _, s := range systems {
		if _, ok := members[s.Owner]; !ok {
			owners = append(owners, s.Owner)
		}
		members[s.Owner] = append(members[s.Owner], s)
	}
	return owners, members
}

// ownerLook is an owner's label, fill and border colour: the agency's own
// units in blue, other owners in grey, an owner not given in light grey.
// An odd shade is a little darker, so that neighbouring groups of a matrix
// stand apart.
func (b *builder) ownerLook(owner string, shade int) (label, fill, color string) {
	if owner == "" {
		return b.d.w("no-owner"), "#f7f7f7", "#bfbfbf"
	}
	if b.internal(owner) {
		if shade%2 == 1 {
			return b.name(owner), "#dae8f5", "#2e75b6"
		}
		return b.name(owner), "#eef4fb", "#2e75b6"
	}
	if shade%2 == 1 {
		return b.name(owner), "#e7e7e7", "#bfbfbf"
	}
	return b.name(owner), "#f7f7f7", "#bfbfbf"
}

// matrixModes is the order of the modes in a cell and in the legend: the
// closed list's, then a mode not given.
var matrixModes = append(slices.Clone(model.InterfaceModes), "")

// matrixIssueFill is the background of a cell holding personal data
// exchanged without a signed agreement or a legal basis.
const matrixIssueFill = "#f8cbcb"

// systemsMatrix draws the systems view as an N² chart: one row per system
// that sends, one column per system that receives, both grouped by owner in
// the same order and numbered; a cell holds one letter per interface mode,
// in the mode's colour, followed by the number of interfaces when there are
// several, and is red with ⚠ when personal data goes without a signed
// agreement or a legal basis. The last column and row count what each system
// sends and receives: the hubs stand out.
func (b *builder) systemsMatrix(drawn []*model.Interface, problems map[string][]string, owners []string, members map[string][]*model.System, links int) []byte {
	d := b.d
	var order []*model.System
	shadeOf := map[string]int{}
	for i, o := range owners {
		shadeOf[o] = i
		order = append(order, members[o]...)
	}
	num := make(map[string]int, len(order))
	for i, s := range order {
		num[s.ID] = i + 1
	}

	cells := map[[2]string]map[string]*link{}
	sent, received := map[string]int{}, map[string]int{}
	modes, issues := map[string]bool{}, false
	for _, f := range drawn {
		k := [2]string{f.From, f.To}
		c := cells[k]
		if c == nil {
			c = map[string]*link{}
			cells[k] = c
		}
		mode := f.Mode
		if _, ok := modeLines[mode]; !ok {
			mode = "" // an unknown mode is drawn as one not given
		}
		l := c[mode]
		if l == nil {
			l = &link{}
			c[mode] = l
		}
		l.n++
		if len(problems[f.ID]) > 0 {
			l.issue, issues = true, true
		}
		modes[mode] = true
		sent[f.From]++
		received[f.To]++
	}

	t := newTable(`BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#bfbfbf"`)
	t.row()
	t.cell(`COLSPAN="3" ALIGN="LEFT" BORDER="0"`, small(text(d.w("matrix-corner"))))
	for _, s := range order {
		_, fill, _ := b.ownerLook(s.Owner, shadeOf[s.Owner])
		t.cell(`BGCOLOR="`+fill+`"`, bold(text(strconv.Itoa(num[s.ID]))))
	}
	t.cell(`BGCOLOR="#d9d9d9"`, bold(text(d.w("matrix-sent"))))
	t.endRow()
	for _, o := range owners {
		label, fill, _ := b.ownerLook(o, shadeOf[o])
		for i, s := range members[o] {
			t.row()
			if i == 0 {
				t.cell(`ROWSPAN="`+strconv.Itoa(len(members[o]))+`" BGCOLOR="`+fill+`" ALIGN="LEFT" VALIGN="TOP"`, bold(wrapText(label, 22)))
			}
			t.cell(`BGCOLOR="`+fill+`" ALIGN="RIGHT"`, bold(text(strconv.Itoa(num[s.ID]))))
			t.cell(`BGCOLOR="`+fill+`" ALIGN="LEFT"`, text(wrap(s.Name, 40)[0]))
			for _, to := range order {
				if to.ID == s.ID {
					t.cell(`BGCOLOR="#d9d9d9"`, "")
					continue
				}
				attrs, markup := d.matrixCell(cells[[2]string{s.ID, to.ID}])
				t.cell(attrs, markup)
			}
			t.cell(`BGCOLOR="#f2f2f2"`, bold(text(d.int(sent[s.ID]))))
			t.endRow()
		}
	}
	t.row()
	t.cell(`COLSPAN="3" ALIGN="RIGHT" BGCOLOR="#d9d9d9"`, bold(text(d.w("matrix-received"))))
	for _, s := range order {
		t.cell(`BGCOLOR="#f2f2f2"`, bold(text(d.int(received[s.ID]))))
	}
	t.cell(`BGCOLOR="#d9d9d9"`, bold(text(d.int(len(drawn)))))
	t.endRow()

	w := newDOT(b.title("systems"), at("rankdir", "TB"), at("nodesep", "0.3"), at("ranksep", "0.3"))
	w.node("matrix", at("shape", "plain"), at("style", ""), hl(t.markup()))

	var lg legend
	lg.note("", fmt.Sprintf(d.w("matrix-why"), len(drawn), links, maxMapLinks))
	lg.note("", d.w("matrix-how"))
	for _, m := range matrixModes {
		if modes[m] {
			lg.note(colored(modeLines[m].color, bold(text(d.w("code."+m)))), d.kind("mode", m))
		}
	}
	lg.note(bold(text(d.w("code.api")))+small(text("3")), d.w("matrix-count"))
	if issues {
		lg.swatch(matrixIssueFill, text("⚠"), d.w("pd-issue"))
	}
	lg.write(w, d)
	w.invisible("matrix", "legend")
	return w.bytes()
}

// matrixCell is a matrix cell's attributes and markup: the modes in the
// closed list's order (a mode not given last), each a letter in its colour
// with the number of interfaces when more than one.
func (d dict) matrixCell(c map[string]*link) (attrs, markup string) {
	if len(c) == 0 {
		return "", ""
	}
	var parts []string
	issue := false
	for _, m := range matrixModes {
		l := c[m]
		if l == nil {
			continue
		}
		issue = issue || l.issue
		p := bold(text(d.w("code." + m)))
		if l.n > 1 {
			p += small(text(strconv.Itoa(l.n)))
		}
		parts = append(parts, colored(modeLines[m].color, p))
	}
	markup = strings.Join(parts, " ")
	if issue {
		return `BGCOLOR="` + matrixIssueFill + `"`, colored(issueColor, bold(text("⚠"))) + " " + markup
	}
	return "", markup
}
