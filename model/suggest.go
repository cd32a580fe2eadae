package model

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"
)

// nearest returns the candidate closest to s, if it is close enough to be a
// plausible typo (case differences and small edits), or "": the one rule
// every "did you mean" of the tool follows (SuggestNearest outside model).
func nearest(s string, candidates []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(ls, strings.ToLower(c))
		if strings.HasPrefix(strings.ToLower(c), ls) || strings.HasPrefix(ls, strings.ToLower(c)) {
			d = min(d, 1)
		}
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	limit := max(2, len([]rune(s))/3)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// suggest returns a "did you mean" hint, or "" when nothing is close.
func suggest(s string, candidates []string) string {
	if n := nearest(s, candidates); n != "" {
		return didYouMean(n)
	}
	return ""
}

// SuggestNearest sets the diagnostic's hint to "did you mean" the candidate
// nearest s (Nearest), with its words, and reports whether one was near
// enough.
func (d *Diagnostic) SuggestNearest(s string, candidates []string) bool {
	n := nearest(s, candidates)
	if n == "" {
		return false
	}
	d.Hint, d.SayHint = didYouMean(n), words("did-you-mean", []string{n})
	return true
}

// didYouMean is the hint naming a candidate.
func didYouMean(n string) string { return fmt.Sprintf("did you mean `%s`?", n) }

// oneOf returns a hint listing the allowed values, preferring a "did you mean".
func oneOf(s string, allowed []string) string {
	if h := suggest(s, allowed); h != "" {
		return h
	}
	return "one of: " + strings.Join(allowed, ", ")
}
