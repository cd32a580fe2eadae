package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/orgdesign/orgdesign/model"
)

// Recommendation sets the option the study's recommendation names against
// the combined ranking.
type Recommendation struct {
	Scenario    string  `json:"scenario"`
	Rank        int     `json:"rank"`  // in the combined ranking; 0 without one
	Score       float64 `json:"score"` // its combined score
	Leader      string  `json:"leader,omitempty"`
	LeaderScore float64 `json:"leaderScore"`
	// Departs is true when the option is not first in the combined ranking
	// (a tie for first is first).
	Departs   bool   `json:"departs"`
	Rationale string `json:"rationale"` // the study's rationale (Markdown), empty when it has none
	// GroupsFirst are the stakeholder groups whose ranking puts it first, in
	// the groups' order.
	GroupsFirst []string `json:"groupsFirst"`
	// LeadsWhen is, per criterion counted, the combined weights at which it
	// would lead (Ranking.LeadIntervals).
	LeadsWhen []Interval `json:"leadsWhen"`
}

// Option names an option for Recommended: its id and title.
type Option struct {
	ID, Title string
}

// Recommended returns the index of the option a recommendation names first,
// by id or title (case does not matter; at one place the longer name wins;
// a name inside a longer word does not count), or −1.
func Recommended(text string, options []Option) int {
	low := strings.ToLower(text)
	best, at, length := -1, -1, 0
	for i, o := range options {
		for _, name := range []string{o.ID, o.Title} {
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			j := wordIndex(low, name)
			if j < 0 {
				continue
			}
			if at < 0 || j < at || (j == at && len(name) > length) {
				best, at, length = i, j, len(name)
			}
		}
	}
	return best
}

// wordIndex is the first index of name in text where it is not part of a
// longer word (an id "option-a" is not found in "option-ab").
func wordIndex(text, name string) int {
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !wordRune(before) && !wordRune(after) {
			return i
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
	}
	return -1
}

// wordRune reports whether r is part of a word: a letter, a digit, '-' or
// '_' (a typographic apostrophe or a no-break space is not). The edges of
// the text decode as utf8.RuneError, which is not.
func wordRune(r rune) bool {
	return r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// recommend finds the option the study recommends among those compared and
// sets it against the ranking; nil when the recommendation names none.
func recommend(study *model.Study, figs []Figures, r *Ranking) *Recommendation {
	options := make([]Option, len(figs))
	for i, f := range figs {
		options[i] = Option{ID: f.Scenario, Title: f.Title}
	}
	i := Recommended(study.Recommendation, options)
	if i < 0 {
		return nil
	}
	rec := &Recommendation{Scenario: figs[i].Scenario, Rationale: strings.TrimSpace(study.Rationale),
		GroupsFirst: []string{}, LeadsWhen: []Interval{}}
	if r == nil || len(r.Combined.Ranks) == 0 {
		return rec
	}
	lead := r.Combined.Ranks[0]
	rec.Leader, rec.LeaderScore = lead.Scenario, lead.Score
	for _, p := range r.Combined.Ranks {
		if p.Scenario == rec.Scenario {
			rec.Rank, rec.Score = p.Rank, p.Score
		}
	}
	rec.Departs = rec.Rank > 1
	for _, g := range r.ByGroup {
		if slices.ContainsFunc(g.Ranks, func(p Place) bool { return p.Scenario == rec.Scenario && p.Rank == 1 }) {
			rec.GroupsFirst = append(rec.GroupsFirst, g.Group)
		}
	}
	rec.LeadsWhen = r.LeadIntervals(rec.Scenario)
	return rec
}
