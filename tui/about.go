package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// about returns the lines above the fields: what the item is, where it is
// written, and what is computed for it.
func (m *Model) about(w int) []string {
	e, ok := m.selected()
	if !ok {
		return nil
	}
	switch {
	case e.diag != nil:
		return m.aboutDiag(e.diag, w)
	case e.finding != nil:
		return m.aboutFinding(e.finding, w)
	}
	if mapSections[e.section] {
		out := []string{m.st.title.Render(txt(e.label))}
		for _, l := range wrap(m.say("aboutGroup", txt(shortFile(e.file, m.name))), w-2) {
			out = append(out, m.st.dim.Render(l))
		}
		return out
	}
	out := []string{m.st.title.Render(m.singular(e.section)+" "+txt(e.id)) + "  " + txt(e.label)}
	if e.own(m.res) {
		out = append(out, m.st.dim.Render(m.say("aboutIn", txt(shortFile(e.file, m.name)))))
		if f := m.overridden(e.section, e.id); f != "" {
			out = append(out, m.st.dim.Render(m.say("aboutOverrides", txt(shortFile(f, m.name)))))
		}
	} else {
		for _, l := range wrap(m.say("aboutInherited", txt(shortFile(e.file, m.name))), w-2) {
			out = append(out, m.st.inherited.Render(l))
		}
	}
	r := m.res.resolvedOrNil()
	if r == nil {
		return out
	}
	switch e.section {
	case "units":
		out = append(out, m.aboutUnit(r, e.id)...)
	case "risks":
		if x := r.Lookup(e.id); x != nil {
			if rk, ok := x.Item.(*model.Risk); ok {
				in, re, cu := risk.Inherent(rk), risk.Residual(rk), risk.Current(rk)
				lv := func(sc risk.Score) string {
					return m.st.level(sc.Level).Render(fmt.Sprintf("%d %s", sc.Score, m.w.enum("riskLevel", sc.Level.String())))
				}
				out = append(out, m.say("aboutRiskScores", lv(in), lv(re)),
					m.st.dim.Render(m.say("aboutRiskCurrent", fmt.Sprintf("%d %s", cu.Score, m.w.enum("riskLevel", cu.Level.String())))))
				if a := m.assessment(); a != nil && re.Level > a.Appetite {
					out = append(out, m.st.level(risk.High).Render("▲ "+m.say("aboutAbove", m.w.enum("riskLevel", a.Appetite.String()))))
				}
			}
		}
	case "phases":
		out = append(out, m.aboutPhase(r, e.id)...)
	case "profiles":
		out = append(out, m.aboutProfile(r, e.id))
	case "chain":
		if a := m.res.analysis; a != nil {
			for _, st := range a.RACI.Stages {
				if st.Stage == e.id && st.Overlap {
					out = append(out, m.st.warn.Render(m.say("aboutOverlap", txt(strings.Join(st.Accountable, ", ")))))
				}
			}
		}
	}
	return out
}

// aboutUnit shows a unit's instances, headcount and payroll; a replicated
// unit says that its template is what is edited.
func (m *Model) aboutUnit(r *model.Resolved, id string) []string {
	u := r.Unit(id)
	if u == nil {
		return nil
	}
	ins := r.InstancesOf(id)
	heads, pay := 0, 0.0
	for _, in := range ins {
		heads += in.Headcount
		pay += in.Payroll
	}
	figs := m.say("aboutUnitFigures", m.w.count("staff", heads), m.money(pay, r.Header.Currency))
	if !u.Replicated() {
		return []string{figs}
	}
	out := []string{
		m.st.header.Render(m.w.count("aboutTemplate", len(ins), u.Per)) + " " + figs,
		m.st.dim.Render(m.say("aboutTemplateEdit")),
	}
	var names []string
	for i, in := range ins {
		if i == 3 {
			names = append(names, m.w.count("more", len(ins)-3))
			break
		}
		names = append(names, fmt.Sprintf("%s (%d)", txt(in.Name), in.Headcount))
	}
	return append(out, m.st.dim.Render(strings.Join(names, ", ")))
}

// aboutPhase says what the phase opens: units (with their instances'
// headcount), channels, systems and interfaces.
func (m *Model) aboutPhase(r *model.Resolved, id string) []string {
	units, heads, opened := 0, 0, map[string]bool{}
	for _, u := range r.Units {
		if u.Phase == id {
			units++
			opened[u.ID] = true
		}
	}
	for _, in := range r.Instances { // one pass: View calls this per frame
		if opened[in.Template] {
			heads += in.Headcount
		}
	}
	var parts []string
	add := func(n int, key string) {
		if n > 0 {
			parts = append(parts, m.w.count(key, n))
		}
	}
	add(units, "units")
	if heads > 0 {
		parts[0] += " (" + m.w.count("staff", heads) + ")"
	}
	add(countIf(r.Channels, func(c *model.Channel) bool { return c.Phase == id }), "channels")
	add(countIf(r.Systems, func(s *model.System) bool { return s.Phase == id }), "systems")
	add(countIf(r.Interfaces, func(f *model.Interface) bool { return f.Phase == id }), "interfaces")
	if len(parts) == 0 {
		return []string{m.st.dim.Render(m.say("phaseOpensNothing", txt(id)))}
	}
	return []string{m.say("phaseOpens", strings.Join(parts, ", "))}
}

// aboutProfile says how many of the scenario's staff have the profile.
func (m *Model) aboutProfile(r *model.Resolved, id string) string {
	heads, units := 0, map[string]bool{}
	for _, in := range r.Instances {
		for _, sc := range in.Staff {
			if sc.Profile == id {
				heads += sc.Count
				units[in.Template] = true
			}
		}
	}
	return m.say("profileStaff", m.w.count("staff", heads), m.w.count("units", len(units)))
}

// countIf counts the items f accepts.
func countIf[T any](items []T, f func(T) bool) int {
	n := 0
	for _, x := range items {
		if f(x) {
			n++
		}
	}
	return n
}

func (m *Model) aboutDiag(d *model.Diagnostic, w int) []string {
	msg, hint := m.w.diag(d)
	out := []string{m.st.severity(d.Severity).Render(m.w.severity(d.Severity)) + m.st.title.Render(" ["+d.Code+"]"), m.st.dim.Render(txt(d.Pos.String()))}
	out = append(out, wrap(txt(msg), w-2)...)
	if hint != "" {
		out = append(out, "")
		out = append(out, wrap(m.say("hint", txt(hint)), w-2)...)
	}
	return out
}

// aboutFinding says what a finding of the structural rules is, and how to
// triage it or why it was dismissed.
func (m *Model) aboutFinding(f *risk.Finding, w int) []string {
	state := m.say("findingOpen", f.Rule, f.ID)
	if f.Status == risk.Dismissed {
		state = m.say("findingDismissed", f.Rule, f.Reason)
	}
	out := []string{m.st.title.Render(m.say("finding") + " " + txt(f.ID)), txt(f.Title)}
	for _, l := range wrap(txt(state), w-2) {
		out = append(out, m.st.dim.Render(l))
	}
	out = append(out, m.w.enum("riskCategory", f.Category)+" · "+m.say("findingIndicative", f.Indicative.Likelihood, f.Indicative.Impact,
		m.st.level(f.Indicative.Level).Render(fmt.Sprintf("%d %s", f.Indicative.Score, m.w.enum("riskLevel", f.Indicative.Level.String())))))
	if f.Explanation != "" {
		out = append(out, "")
		out = append(out, wrap(txt(f.Explanation), w-2)...)
	}
	if f.Suggestion != "" {
		out = append(out, "")
		out = append(out, wrap(m.say("suggested", txt(f.Suggestion)), w-2)...)
	}
	if len(f.Subjects) > 0 {
		out = append(out, m.st.dim.Render(m.say("concerns", txt(strings.Join(slices.Clip(f.Subjects), ", ")))))
	}
	return out
}

// wrap breaks text into lines of at most w cells, at spaces.
func wrap(s string, w int) []string {
	w = max(w, 10)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case len([]rune(line))+1+len([]rune(word)) > w:
				out = append(out, line)
				line = word
			default:
				line += " " + word
			}
		}
		out = append(out, line)
	}
	return out
}
