package risk

import (
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

func lv(v int) model.Level { return model.Level{Low: v, Likely: v, High: v} }

func mit(reduces string, by int, status string) *model.Mitigation {
	return &model.Mitigation{ID: "m", Title: "m", Reduces: reduces, By: by, Status: status}
}

// TestScoring checks inherent, residual and current scores by hand.
func TestScoring(t *testing.T) {
	cases := []struct {
		name                        string
		risk                        model.Risk
		inherent, residual, current Score
	}{
		{"no mitigation", model.Risk{Likelihood: lv(3), Impact: lv(5)},
			Score{3, 5, 15, Critical}, Score{3, 5, 15, Critical}, Score{3, 5, 15, Critical}},
		{"the plan counts every mitigation; current only those done",
			model.Risk{Likelihood: lv(4), Impact: lv(4), Mitigations: []*model.Mitigation{
				mit("likelihood", 1, "done"), mit("impact", 2, "planned"), mit("likelihood", 1, "in-progress")}},
			Score{4, 4, 16, Critical}, Score{2, 2, 4, Low}, Score{3, 4, 12, High}},
		{"never below 1", model.Risk{Likelihood: lv(2), Impact: lv(3), Mitigations: []*model.Mitigation{
			mit("likelihood", 4, "done"), mit("impact", 3, "done"), mit("impact", 1, "planned")}},
			Score{2, 3, 6, Medium}, Score{1, 1, 1, Low}, Score{1, 1, 1, Low}},
		{"a triangular level scores with likely", model.Risk{Likelihood: model.Level{Low: 1, Likely: 2, High: 5, Triangular: true},
			Impact: model.Level{Low: 2, Likely: 5, High: 5, Triangular: true}, Mitigations: []*model.Mitigation{mit("impact", 1, "")}},
			Score{2, 5, 10, High}, Score{2, 4, 8, Medium}, Score{2, 5, 10, High}},
		{"a zero `by` changes nothing", model.Risk{Likelihood: lv(5), Impact: lv(1), Mitigations: []*model.Mitigation{mit("likelihood", 0, "done")}},
			Score{5, 1, 5, Medium}, Score{5, 1, 5, Medium}, Score{5, 1, 5, Medium}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Inherent(&c.risk); got != c.inherent {
				t.Errorf("inherent = %+v, want %+v", got, c.inherent)
			}
			if got := Residual(&c.risk); got != c.residual {
				t.Errorf("residual = %+v, want %+v", got, c.residual)
			}
			if got := Current(&c.risk); got != c.current {
				t.Errorf("current = %+v, want %+v", got, c.current)
			}
		})
	}
}

// TestLevelBoundaries: low 1–4, medium 5–9, high 10–14, critical 15–25.
func TestLevelBoundaries(t *testing.T) {
	want := map[int]Level{1: Low, 4: Low, 5: Medium, 9: Medium, 10: High, 14: High, 15: Critical, 25: Critical}
	for score, l := range want {
		if got := LevelOf(score); got != l {
			t.Errorf("LevelOf(%d) = %s, want %s", score, got, l)
		}
	}
	// Every product on the matrix: its level is the one of its score.
	for l := 1; l <= 5; l++ {
		for i := 1; i <= 5; i++ {
			s := NewScore(l, i)
			if s.Score != l*i || s.Level != LevelOf(l*i) {
				t.Errorf("NewScore(%d, %d) = %+v", l, i, s)
			}
		}
	}
	if s := NewScore(0, 7); s.Likelihood != 1 || s.Impact != 5 {
		t.Errorf("NewScore(0, 7) = %+v, want clamped to 1×5", s)
	}
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]Level{"low": Low, " Medium ": Medium, "HIGH": High, "critical": Critical,
		"faible": Low, "moyen": Medium, "élevé": High, "Élevé": High, "critique": Critical} {
		if got, ok := ParseLevel(in); !ok || got != want {
			t.Errorf("ParseLevel(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "severe", "moyenne", "2"} {
		if _, ok := ParseLevel(in); ok {
			t.Errorf("ParseLevel(%q) accepted", in)
		}
	}
}

// TestAppetite: the option wins over the scenario's assumption, which wins
// over the default; a risk is above the appetite when its residual level is
// strictly higher.
func TestAppetite(t *testing.T) {
	risks := clean["risks"] + "\n  - { id: r-high, title: H, category: legal, owner: dir-a, likelihood: 4, impact: 3," +
		" mitigations: [ { id: mit-h, title: M, reduces: impact, by: 1, status: planned } ] }" + // residual 8, medium
		"\n  - { id: r-crit, title: C, category: legal, owner: dir-a, likelihood: 5, impact: 4," +
		" mitigations: [ { id: mit-c, title: M, reduces: impact, by: 1, status: planned } ] }" // residual 15, critical
	cases := []struct {
		name, assumption string
		option           Level
		want             Level
		source           string
		above            []string
	}{
		{"default", "", 0, Medium, "default", []string{"r-crit"}},
		{"scenario", "élevé", 0, High, "scenario", []string{"r-crit"}},
		{"scenario low", "low", 0, Low, "scenario", []string{"r-crit", "r-high", "r-a"}},
		{"option over scenario", "low", Critical, Critical, "option", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			repl := map[string]string{"risks": risks}
			if c.assumption != "" {
				repl["assumptions"] = "assumptions:\n  - { id: risk-appetite, text: " + c.assumption + " }"
			}
			a, ds := Assess(load(t, scenario(repl)), nil, Options{Appetite: c.option})
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			if a.Appetite != c.want || a.AppetiteSource != c.source {
				t.Errorf("appetite = %s (%s), want %s (%s)", a.Appetite, a.AppetiteSource, c.want, c.source)
			}
			if len(a.AboveAppetite) != len(c.above) || (len(c.above) > 0 && !equalStrings(a.AboveAppetite, c.above)) {
				t.Errorf("above = %v, want %v", a.AboveAppetite, c.above)
			}
			if n := a.AtOrAbove(High); n != 1 {
				t.Errorf("at or above high = %d, want 1 (r-crit)", n)
			}
		})
	}
	// Line 43 of the clean scenario, the assumption's text.
	r := load(t, scenario(map[string]string{"assumptions": "assumptions:\n  - { id: risk-appetite, text: prudent }"}))
	_, ds := Assess(r, nil, Options{})
	if len(ds) != 1 || ds[0].String() != `scenario.yaml:43:32: error: assumption "risk-appetite": "prudent" is not a risk level [unknown-value]` {
		t.Errorf("diagnostics = %v", ds)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMatrixAndOrder: the heat maps count every risk in its cell; the
// register is sorted by residual score, then id.
func TestMatrixAndOrder(t *testing.T) {
	risks := clean["risks"] +
		"\n  - { id: r-b, title: B, category: legal, owner: dir-a, likelihood: 2, impact: 3, mitigations: [ { id: mit-b, title: M, reduces: likelihood, by: 1 } ] }" +
		"\n  - { id: r-c, title: C, category: legal, owner: dir-a, likelihood: 3, impact: 2, mitigations: [ { id: mit-c, title: M, reduces: impact, by: 1 } ] }"
	a, _ := Assess(load(t, scenario(map[string]string{"risks": risks})), nil, Options{})
	var ids []string
	for _, it := range a.Risks {
		ids = append(ids, it.ID)
	}
	// r-a 2×3 = 6 residual; r-b 1×3 = 3; r-c 3×1 = 3 (r-b before r-c by id).
	if !equalStrings(ids, []string{"r-a", "r-b", "r-c"}) {
		t.Errorf("order = %v", ids)
	}
	var want Matrix
	want.Inherent[2][2] = 1 // r-a 3×3
	want.Inherent[1][2] = 1 // r-b 2×3
	want.Inherent[2][1] = 1 // r-c 3×2
	want.Residual[1][2] = 1 // r-a 2×3
	want.Residual[0][2] = 1 // r-b 1×3
	want.Residual[2][0] = 1 // r-c 3×1
	if a.Matrix != want {
		t.Errorf("matrix = %+v, want %+v", a.Matrix, want)
	}
}
