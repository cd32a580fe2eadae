package analysis

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// segregated lists the pairs of stages one party should not be accountable
// for together: deciding eligibility and hearing the grievances against it.
var segregated = [][2]string{{"eligibility", "grievance"}}

func raci(r *model.Resolved) RACI {
	out := RACI{Gaps: []string{}, Overlaps: []string{}, MandateGaps: []string{}, Idle: []string{}, Segregation: []Conflict{}}
	roles := map[string]bool{} // every party with a RACI letter somewhere
	mark := func(rc *model.RACI) {
		roles[rc.Accountable] = true
		for _, l := range [][]string{rc.Responsible, rc.Consulted, rc.Informed} {
			for _, p := range l {
				roles[p] = true
			}
		}
	}
	accountableFor := map[string][]string{} // stage or function -> parties
	for _, stage := range model.Stages {
		st := StageRACI{Stage: stage, Accountable: []string{}, Responsible: []string{}, Consulted: []string{}, Informed: []string{}, Systems: []string{}, Channels: []string{}}
		for _, e := range r.Chain {
			if e.Stage != stage {
				continue
			}
			mark(&e.RACI)
			if e.Accountable != "" && !slices.Contains(st.Accountable, e.Accountable) {
				st.Accountable = append(st.Accountable, e.Accountable)
			}
			st.Responsible = append(st.Responsible, e.Responsible...)
			st.Consulted = append(st.Consulted, e.Consulted...)
			st.Informed = append(st.Informed, e.Informed...)
			st.Systems = append(st.Systems, e.Systems...)
		}
		st.Responsible, st.Consulted, st.Informed, st.Systems = distinct(st.Responsible), distinct(st.Consulted), distinct(st.Informed), distinct(st.Systems)
		for _, ch := range r.Channels {
			if slices.Contains(ch.Stages, stage) {
				st.Channels = append(st.Channels, ch.ID)
			}
		}
		st.Gap = len(st.Accountable) == 0
		st.Overlap = len(st.Accountable) > 1
		if st.Gap {
			out.Gaps = append(out.Gaps, stage)
		}
		if st.Overlap {
			out.Overlaps = append(out.Overlaps, stage)
		}
		accountableFor[stage] = append(accountableFor[stage], st.Accountable...)
		out.Stages = append(out.Stages, st)
	}
	for _, m := range r.Mandates {
		mark(&m.RACI)
		mr := MandateRACI{Mandate: m.ID, Title: m.Title, Function: m.Function, Accountable: m.Accountable,
			Responsible: distinct(m.Responsible), Gap: m.Accountable == ""}
		if mr.Gap {
			out.MandateGaps = append(out.MandateGaps, m.ID)
		}
		if m.Function != "" && m.Accountable != "" {
			accountableFor[m.Function] = append(accountableFor[m.Function], m.Accountable)
		}
		out.Mandates = append(out.Mandates, mr)
	}
	for _, u := range r.Units {
		if !roles[u.ID] {
			out.Idle = append(out.Idle, u.ID)
		}
	}
	for _, pair := range segregated {
		for _, p := range distinct(accountableFor[pair[0]]) {
			if p != model.Reserved && slices.Contains(accountableFor[pair[1]], p) {
				out.Segregation = append(out.Segregation, Conflict{Party: p, Stages: []string{pair[0], pair[1]}})
			}
		}
	}
	return out
}

// distinct keeps the first occurrence of each string, in order.
func distinct(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
