package analysis

import (
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/model"
)

// phases computes the cumulative figures reached at each phase: a unit, a
// staff line, a channel or a system exists from its phase on (from the
// start without one).
func phases(r *model.Resolved, items []costItem) []PhaseFigures {
	out := []PhaseFigures{}
	order := slices.Clone(r.Phases)
	if !slices.ContainsFunc(order, func(p *model.Phase) bool { return p.Start == "" }) {
		slices.SortStableFunc(order, func(a, b *model.Phase) int { return strings.Compare(a.Start, b.Start) })
	}
	rank := map[string]int{}
	for i, p := range order {
		rank[p.ID] = i
	}
	for i, p := range order {
		open := func(phase string) bool {
			k, ok := rank[phase]
			return phase == "" || !ok || k <= i
		}
		f := PhaseFigures{Phase: p.ID, Title: p.Title, Start: p.Start, Opens: []string{}}
		for _, in := range r.Instances {
			if open(in.Phase) {
				f.Units++
			}
		}
		for _, it := range items {
			if it.kind == itemStaff && open(it.phases[0]) && open(it.phases[1]) {
				f.Headcount += it.headcount
				f.Payroll += it.payroll
			}
		}
		f.Offices = offices(r, open)
		for _, u := range r.Units {
			if u.Phase == p.ID {
				f.Opens = append(f.Opens, u.ID)
			}
		}
		for _, ch := range r.Channels {
			if ch.Phase == p.ID {
				f.Opens = append(f.Opens, ch.ID)
			}
		}
		for _, s := range r.Systems {
			if s.Phase == p.ID {
				f.Opens = append(f.Opens, s.ID)
			}
		}
		out = append(out, f)
	}
	return out
}
