package risk

import (
	"strings"

	"github.com/orgdesign/orgdesign/model"
)

// Level is a risk level on the 5×5 matrix: low (score 1–4), medium (5–9),
// high (10–14) or critical (15–25).
type Level int

// The levels, lowest first; the zero Level is no level.
const (
	Low Level = iota + 1
	Medium
	High
	Critical
)

// Levels lists the levels, lowest first.
var Levels = []Level{Low, Medium, High, Critical}

var levelNames = [...]string{"", "low", "medium", "high", "critical"}

// String is the level's name in English: low, medium, high or critical.
func (l Level) String() string {
	if l < Low || l > Critical {
		return ""
	}
	return levelNames[l]
}

// MarshalText writes the level's English name.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// LevelOf returns the level of a score (likelihood × impact).
func LevelOf(score int) Level {
	switch {
	case score >= 15:
		return Critical
	case score >= 10:
		return High
	case score >= 5:
		return Medium
	}
	return Low
}

// frenchLevels are the French names a scenario may also use.
var frenchLevels = map[string]Level{"faible": Low, "moyen": Medium, "élevé": High, "eleve": High, "critique": Critical}

// ParseLevel reads a level name, in English (low, medium, high, critical) or
// French (faible, moyen, élevé, critique), ignoring case and outer spaces.
func ParseLevel(s string) (Level, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for l := Low; l <= Critical; l++ {
		if s == levelNames[l] {
			return l, true
		}
	}
	l, ok := frenchLevels[s]
	return l, ok
}

// Score is a position on the 5×5 matrix and its level.
type Score struct {
	Likelihood int   `json:"likelihood"`
	Impact     int   `json:"impact"`
	Score      int   `json:"score"`
	Level      Level `json:"level"`
}

// NewScore scores a likelihood and an impact, each kept within 1–5.
func NewScore(likelihood, impact int) Score {
	likelihood, impact = clamp(likelihood), clamp(impact)
	s := likelihood * impact
	return Score{Likelihood: likelihood, Impact: impact, Score: s, Level: LevelOf(s)}
}

func clamp(v int) int { return min(5, max(1, v)) }

// Inherent scores a register risk before any mitigation; a triangular level
// scores with its likely value.
func Inherent(r *model.Risk) Score {
	return NewScore(r.Likelihood.Value(), r.Impact.Value())
}

// Residual scores a register risk after every listed mitigation (the plan):
// each mitigation's `by` lowers the likelihood or the impact it reduces,
// never below 1.
func Residual(r *model.Risk) Score {
	return reduced(r, func(*model.Mitigation) bool { return true })
}

// Current scores a register risk after the mitigations whose status is done.
func Current(r *model.Risk) Score {
	return reduced(r, func(m *model.Mitigation) bool { return m.Status == "done" })
}

func reduced(r *model.Risk, counts func(*model.Mitigation) bool) Score {
	dl, di := reductions(r.Mitigations, counts)
	return NewScore(r.Likelihood.Value()-dl, r.Impact.Value()-di)
}

// reductions sums the levels the counted mitigations take off the likelihood
// and the impact.
func reductions(ms []*model.Mitigation, counts func(*model.Mitigation) bool) (likelihood, impact int) {
	for _, m := range ms {
		if m == nil || !counts(m) || m.By <= 0 {
			continue
		}
		switch m.Reduces {
		case "likelihood":
			likelihood += m.By
		case "impact":
			impact += m.By
		}
	}
	return likelihood, impact
}
