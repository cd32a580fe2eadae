package model

import (
	"strings"
	"testing"
)

// TestMergeTriage: an option may set aside a triage its shared context
// makes. `remove:` drops an inherited dismissal by its finding's id, and the
// option's own acceptance of a finding the context dismisses wins over the
// dismissal, without a conflict.
func TestMergeTriage(t *testing.T) {
	common := strings.Replace(base, "  id: s\n", "  id: common\n  partial: true\n", 1) + `dismissed:
  - { finding: critical-system-si, reason: Un plan de secours existe. }
  - { finding: span-over-limit-dg, reason: Le DG délègue. }
`
	option := func(rest string) string {
		return "scenario: { id: s, title: Option, extends: common.yaml }\n" + rest
	}
	accept := `risks:
  - { id: r-si, title: Panne du SI, category: operational, owner: dg, likelihood: 2, impact: 4, finding: critical-system-si }
`
	for _, c := range []struct {
		name      string
		option    string
		dismissed []string // the findings the resolved option dismisses
		accepted  string   // the risk accepting critical-system-si, if any
		diags     string
	}{
		{"inherited", option(""), []string{"critical-system-si", "span-over-limit-dg"}, "", ""},
		{"removed", option("remove: [critical-system-si]\n"), []string{"span-over-limit-dg"}, "", ""},
		{"accepted by the option", option(accept), []string{"span-over-limit-dg"}, "r-si", ""},
		{"removed and accepted", option("remove: [critical-system-si]\n" + accept), []string{"span-over-limit-dg"}, "r-si", ""},
		{"dismissed again by the option", option("dismissed:\n  - { finding: critical-system-si, reason: Autre raison. }\n"),
			[]string{"critical-system-si", "span-over-limit-dg"}, "", ""},
		{"dismissed and accepted by the option", option(accept + "dismissed:\n  - { finding: critical-system-si, reason: Autre raison. }\n"),
			[]string{"span-over-limit-dg", "critical-system-si"}, "r-si",
			"s.yaml:5:16: error: finding \"critical-system-si\" is dismissed and accepted by risk \"r-si\" [conflicting-fields]\n    hint: accept it (a register risk with `finding:`) or dismiss it, not both\n"},
		{"removing a finding nothing dismisses", option("remove: [critical-system-xx]\n"), []string{"critical-system-si", "span-over-limit-dg"}, "",
			"s.yaml:2:10: error: remove: \"critical-system-xx\" names nothing inherited from common.yaml [unknown-reference]\n    hint: `remove` drops items, chain stages or dismissals (by finding id) inherited through `extends`\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, ds := loadScenario(t, mapFiles{"s.yaml": c.option, "common.yaml": common, "t.yaml": territory})
			var b strings.Builder
			if err := WriteText(&b, ds); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != c.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, c.diags)
			}
			var dismissed []string
			for _, d := range r.Dismissed {
				dismissed = append(dismissed, d.Finding)
			}
			if strings.Join(dismissed, " ") != strings.Join(c.dismissed, " ") {
				t.Errorf("dismissed %v, want %v", dismissed, c.dismissed)
			}
			accepted := ""
			for _, rk := range r.Risks {
				if rk.Finding == "critical-system-si" {
					accepted = rk.ID
				}
			}
			if accepted != c.accepted {
				t.Errorf("accepted by %q, want %q", accepted, c.accepted)
			}
		})
	}
}
