package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// good reports whether a result has every figure: the scenario resolved
// without errors, analysed and assessed.
func (res *result) good() bool {
	return res != nil && res.resolved != nil && !res.diags.HasErrors() && res.failure == "" && res.risks != nil
}

// figures returns the result the figures are read from: the latest when it
// has them, else the last one that had them (stale is then true), else the
// latest as it is.
func (m *Model) figures() (res *result, stale bool) {
	switch {
	case m.res.good() || m.res == nil:
		return m.res, false
	case m.res.kept != nil:
		return m.res.kept, true
	}
	return m.res, false
}

// staleReason says why the figures shown are those of an earlier text.
func (m *Model) staleReason() string {
	switch e := m.res.diags.Count(model.Error); {
	case m.res.resolved == nil:
		return m.say("staleNoParse")
	case e > 0:
		return m.w.count("errors", e)
	case m.res.failure != "":
		return m.say("staleFailure")
	}
	return ""
}

// figuresLine shows the live figures: headcount and payroll (with the change
// since the file was opened), risks at the top levels, findings to triage,
// diagnostics. When the text has errors, the figures are those of the last
// text without, marked stale with the reason.
func (m *Model) figuresLine() string {
	src, stale := m.figures()
	var parts []string
	if r := src.resolvedOrNil(); r != nil {
		heads, pay := r.Headcount(), r.Payroll()
		h := m.w.count("staff", heads)
		if d := heads - m.base.heads; d != 0 {
			h += fmt.Sprintf(" %+d", d)
		}
		p := m.money(pay, r.Header.Currency) + m.say("perYear")
		if d := pay - m.base.payroll; math.Abs(d) >= 50_000 {
			sign := "+"
			if d < 0 {
				sign = "-"
			}
			p += " " + sign + m.money(math.Abs(d), "")
		}
		parts = append(parts, h, p)
	}
	switch crit, high := riskCounts(src); {
	case crit > 0 && high > 0:
		parts = append(parts, m.st.level(risk.Critical).Render(m.w.count("criticalRisks", crit))+", "+m.st.level(risk.High).Render(m.w.count("highRisks", high)))
	case crit > 0:
		parts = append(parts, m.st.level(risk.Critical).Render(m.w.count("criticalRisks", crit)))
	case high > 0:
		parts = append(parts, m.st.level(risk.High).Render(m.w.count("highRisks", high)))
	default:
		parts = append(parts, m.say("noHighRisk"))
	}
	if src != nil && src.risks != nil {
		if n := src.risks.OpenFindings(); n > 0 {
			parts = append(parts, m.w.count("toTriage", n))
		}
	}
	if stale {
		return " " + m.st.warn.Render("⚠ "+m.say("stale", m.staleReason())) + " " + m.st.dim.Render(strings.Join(parts, " · "))
	}
	if m.res != nil {
		e, wn := m.res.diags.Count(model.Error), m.res.diags.Count(model.Warning)
		d := m.w.count("errors", e) + ", " + m.w.count("warnings", wn)
		switch {
		case e > 0:
			d = m.st.err.Render(d)
		case wn > 0:
			d = m.st.warn.Render(d)
		}
		parts = append(parts, d)
	}
	return " " + strings.Join(parts, " · ")
}

// money formats an amount in millions, with the scenario's currency.
func (m *Model) money(v float64, cur string) string {
	s := m.num.Number(v/1e6, 1) + " M"
	if cur != "" {
		s += " " + cur
	}
	return s
}

// riskCounts counts the register's risks at the critical and high residual
// levels (the findings it accepts included; the findings to triage have no
// assessed level): the assessment's when the scenario is valid, the register
// as written otherwise.
func riskCounts(res *result) (crit, high int) {
	if res == nil {
		return 0, 0
	}
	count := func(l risk.Level) {
		switch l {
		case risk.Critical:
			crit++
		case risk.High:
			high++
		}
	}
	if res.risks != nil {
		for _, it := range res.risks.Risks {
			count(it.Level)
		}
		return crit, high
	}
	if r := res.resolved; r != nil {
		for _, rk := range r.Risks {
			count(risk.Residual(rk).Level)
		}
	}
	return crit, high
}
