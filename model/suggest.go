package model

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"
)

// nearest returns the candidate closest to s, if it is close enough to be a
// plausible typo (case differences and small edits), or "".
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

// Nearest returns the candidate closest to s when it is close enough to be a
// plausible typo (case differences and small edits), or "": the one rule
// every "did you mean" of the tool follows.
func Nearest(s string, candidates []string) string { return nearest(s, candidates) }

// suggest returns a "did you mean" hint, or "" when nothing is close.
func suggest(s string, candidates []string) string {
	if n := nearest(s, candidates); n != "" {
		return didYouMean(n)
	}
	return ""
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
