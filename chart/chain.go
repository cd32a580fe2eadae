package chart

import (
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// chain is the RACI matrix of the delivery chain: one row per stage in chain
// order, one column per party that appears (the agency, units, bodies,
// channels, actors, grouped), R/A/C/I in the cells; a stage without
// accountable is a gap, one with several an overlap, both coloured and named
// in the last column.
func (b *builder) chain() []byte {
	r, d := b.r, b.d
	w := newDOT(b.title("chain"))
	var lg legend

	appears := map[string]bool{}
	for _, s := range b.a.RACI.Stages {
		for _, list := range [][]string{s.Accountable, s.Responsible, s.Consulted, s.Informed} {
			for _, id := range list {
				appears[id] = true
			}
		}
	}
	type group struct {
		key     string
		parties []string
	}
	groups := []group{{key: "agency"}, {key: "unit"}, {key: "body"}, {key: "channel"}, {key: "actor"}, {key: "other"}}
	add := func(g int, id string) {
		if appears[id] && !slices.Contains(groups[g].parties, id) {
			groups[g].parties = append(groups[g].parties, id)
		}
	}
	add(0, model.Reserved)
	for _, x := range r.Units {
		add(1, x.ID)
	}
	for _, x := range r.Bodies {
		add(2, x.ID)
	}
	for _, x := range r.Channels {
		add(3, x.ID)
	}
	for _, x := range r.Actors {
		add(4, x.ID)
	}
	var known []string
	for _, g := range groups {
		known = append(known, g.parties...)
	}
	for _, s := range b.a.RACI.Stages { // ids declared under no party kind, in order of appearance
		for _, list := range [][]string{s.Accountable, s.Responsible, s.Consulted, s.Informed} {
			for _, id := range list {
				if !slices.Contains(known, id) && !slices.Contains(groups[5].parties, id) {
					groups[5].parties = append(groups[5].parties, id)
				}
			}
		}
	}
	var parties []string
	for _, g := range groups {
		parties = append(parties, g.parties...)
	}

	t := newTable(`BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" COLOR="#7f7f7f"`)
	t.row()
	t.cell(`ROWSPAN="2" ALIGN="LEFT" BGCOLOR="#f2f2f2"`, bold(text(d.w("stage"))))
	for _, g := range groups {
		if len(g.parties) == 0 {
			continue
		}
		word := d.w("party." + g.key)
		if g.key == "other" {
			word = ""
		}
		t.cell(`COLSPAN="`+strconv.Itoa(len(g.parties))+`" BGCOLOR="#f2f2f2"`, bold(text(word)))
	}
	t.cell(`ROWSPAN="2" BGCOLOR="#f2f2f2"`, bold(text(d.w("status"))))
	t.endRow()
	t.row()
	for _, p := range parties {
		t.cell(`BGCOLOR="#f2f2f2"`, small(wrapText(b.name(p), 14)))
	}
	t.endRow()
	gaps, overlaps := false, false
	for _, s := range b.a.RACI.Stages { // every stage, in chain order
		stageAttrs, status, statusAttrs := `ALIGN="LEFT"`, "", ""
		switch {
		case s.Gap:
			gaps = true
			stageAttrs += ` BGCOLOR="` + gapFill + `"`
			status, statusAttrs = d.w("gap"), `BGCOLOR="`+gapFill+`"`
		case s.Overlap:
			overlaps = true
			stageAttrs += ` BGCOLOR="` + overlapFill + `"`
			status, statusAttrs = d.w("overlap"), `BGCOLOR="`+overlapFill+`"`
		}
		t.row()
		t.cell(stageAttrs, text(d.kind("stage", s.Stage)))
		for _, p := range parties {
			roles := rolesOf(s, p)
			if roles == "" {
				t.cell("", "")
				continue
			}
			fill := raciFills[roles[:1]]
			markup := text(roles)
			if roles[0] == 'A' {
				markup = bold(colored("white", markup))
				if s.Overlap {
					fill = overlapFill
					markup = bold(text(roles))
				}
			}
			t.cell(`BGCOLOR="`+fill+`"`, markup)
		}
		t.cell(statusAttrs, bold(text(status)))
		t.endRow()
	}
	w.node("raci", at("shape", "plain"), at("style", ""), hl(t.markup()))
	for _, k := range []string{"A", "R", "C", "I"} {
		mark := text(k)
		if k == "A" {
			mark = bold(colored("white", mark))
		}
		lg.swatch(raciFills[k], mark, d.w("raci."+k))
	}
	if gaps {
		lg.swatch(gapFill, "", d.w("gap-long"))
	}
	if overlaps {
		lg.swatch(overlapFill, "A", d.w("overlap-long"))
	}
	lg.write(w, d)
	w.invisible("raci", "legend")
	return w.bytes()
}

// rolesOf is what a party is in a stage: its letters in the order A R C I,
// separated by spaces, or "" when it has no part in it.
func rolesOf(s analysis.StageRACI, party string) string {
	var letters []string
	for i, list := range [][]string{s.Accountable, s.Responsible, s.Consulted, s.Informed} {
		if slices.Contains(list, party) {
			letters = append(letters, "ARCI"[i:i+1])
		}
	}
	return strings.Join(letters, " ")
}
