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
		for _, l := range wrap("fields written in "+txt(shortFile(e.file, m.name))+"; those marked ↑ are inherited: setting one writes it here", w-2) {
			out = append(out, m.st.dim.Render(l))
		}
		return out
	}
	out := []string{m.st.title.Render(singularOf(e.section)+" "+txt(e.id)) + "  " + txt(e.label)}
	if e.own(m.res) {
		out = append(out, m.st.dim.Render("in "+txt(shortFile(e.file, m.name))))
	} else {
		out = append(out, m.st.inherited.Render("inherited from "+txt(shortFile(e.file, m.name))+": read-only; c copies it here to override it"))
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
				out = append(out, fmt.Sprintf("inherent %d %s → residual %d %s", in.Score, in.Level, re.Score, re.Level),
					m.st.dim.Render(fmt.Sprintf("current %d %s (counting the mitigations done)", cu.Score, cu.Level)))
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
					out = append(out, m.st.warn.Render("several accountables for this stage: "+txt(strings.Join(st.Accountable, ", "))))
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
	figs := fmt.Sprintf("%s staff · payroll %s", m.num.Int(heads), m.money(pay, r.Header.Currency))
	if !u.Replicated() {
		return []string{figs}
	}
	out := []string{
		m.st.header.Render(fmt.Sprintf("template of %d instances, one per %s:", len(ins), u.Per)) + " " + figs,
		m.st.dim.Render("an edit here applies to every instance"),
	}
	var names []string
	for i, in := range ins {
		if i == 3 {
			names = append(names, fmt.Sprintf("… %d more", len(ins)-3))
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
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(units, "unit", "units")
	if heads > 0 {
		parts[0] += fmt.Sprintf(" (%s staff)", m.num.Int(heads))
	}
	add(countIf(r.Channels, func(c *model.Channel) bool { return c.Phase == id }), "channel", "channels")
	add(countIf(r.Systems, func(s *model.System) bool { return s.Phase == id }), "system", "systems")
	add(countIf(r.Interfaces, func(f *model.Interface) bool { return f.Phase == id }), "interface", "interfaces")
	if len(parts) == 0 {
		return []string{m.st.dim.Render("opens nothing yet: give units, channels or systems `phase: " + txt(id) + "`")}
	}
	return []string{"opens " + strings.Join(parts, ", ")}
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
	return fmt.Sprintf("%s staff in %d units", m.num.Int(heads), len(units))
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
	out := []string{m.st.title.Render(d.Severity.String() + " [" + d.Code + "]"), m.st.dim.Render(txt(d.Pos.String()))}
	out = append(out, wrap(txt(d.Message), w-2)...)
	if d.Hint != "" {
		out = append(out, "")
		out = append(out, wrap("hint: "+txt(d.Hint), w-2)...)
	}
	return out
}

// aboutFinding says what a finding of the structural rules is, and how to
// triage it or why it was dismissed.
func (m *Model) aboutFinding(f *risk.Finding, w int) []string {
	state := fmt.Sprintf("found by the rule %s: read-only, to triage — accept it (a risk with finding: %s) or dismiss it with a reason", f.Rule, f.ID)
	if f.Status == risk.Dismissed {
		state = fmt.Sprintf("found by the rule %s and dismissed (read-only): %s", f.Rule, f.Reason)
	}
	out := []string{m.st.title.Render("finding " + txt(f.ID)), txt(f.Title)}
	for _, l := range wrap(txt(state), w-2) {
		out = append(out, m.st.dim.Render(l))
	}
	out = append(out,
		fmt.Sprintf("%s · indicative: likelihood %d × impact %d = %d %s", f.Category, f.Indicative.Likelihood, f.Indicative.Impact, f.Indicative.Score, f.Indicative.Level))
	if f.Explanation != "" {
		out = append(out, "")
		out = append(out, wrap(txt(f.Explanation), w-2)...)
	}
	if f.Suggestion != "" {
		out = append(out, "")
		out = append(out, wrap("suggested: "+txt(f.Suggestion), w-2)...)
	}
	if len(f.Subjects) > 0 {
		out = append(out, m.st.dim.Render("concerns "+txt(strings.Join(slices.Clip(f.Subjects), ", "))))
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
