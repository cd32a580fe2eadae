package tui

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// fold lowers a string and strips the accents of Latin letters, so "delegation"
// finds "Délégation".
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := accents[r]; ok {
			r = f
		}
		b.WriteRune(r)
	}
	return b.String()
}

var accents = map[rune]rune{
	'à': 'a', 'â': 'a', 'ä': 'a', 'á': 'a', 'ã': 'a', 'å': 'a',
	'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'î': 'i', 'ï': 'i', 'í': 'i', 'ì': 'i', 'ñ': 'n',
	'ô': 'o', 'ö': 'o', 'ó': 'o', 'ò': 'o', 'õ': 'o',
	'ù': 'u', 'û': 'u', 'ü': 'u', 'ú': 'u', 'ÿ': 'y', 'œ': 'o', 'æ': 'a',
}

// fuzzyScore matches the query's letters in order within s (a subsequence)
// and scores the match: consecutive letters, letters at the start of a word
// and an early first letter score higher. ok is false when s does not match.
func fuzzyScore(query, s string) (score int, ok bool) {
	q := []rune(fold(query))
	if len(q) == 0 {
		return 0, true
	}
	t := []rune(fold(s))
	if i := runeIndex(t, q); i >= 0 {
		bonus := 100
		if i == 0 || !isWord(t[i-1]) {
			bonus += 50
		}
		return bonus + 10*len(q) - min(i, 50), true
	}
	qi, prev := 0, -2
	for ti, r := range t {
		if qi == len(q) {
			break
		}
		if r != q[qi] {
			continue
		}
		switch {
		case ti == prev+1:
			score += 5
		case ti == 0 || !isWord(t[ti-1]):
			score += 3
		default:
			score++
		}
		if qi == 0 {
			score -= min(ti, 10)
		}
		prev = ti
		qi++
	}
	return score, qi == len(q)
}

// runeIndex returns the index of the first q in t, -1 if there is none.
func runeIndex(t, q []rune) int {
	for i := 0; i+len(q) <= len(t); i++ {
		if slices.Equal(t[i:i+len(q)], q) {
			return i
		}
	}
	return -1
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// filterCandidates keeps the candidates whose id or name matches the query,
// best first (then in their original order).
func filterCandidates(cands []candidate, query string) []candidate {
	if strings.TrimSpace(query) == "" {
		return cands
	}
	type scored struct {
		c     candidate
		score int
		i     int
	}
	var hits []scored
	for i, c := range cands {
		s1, ok1 := fuzzyScore(query, c.id)
		s2, ok2 := fuzzyScore(query, c.name)
		if !ok1 && !ok2 {
			continue
		}
		best := s1
		if !ok1 || ok2 && s2 > s1 {
			best = s2
		}
		hits = append(hits, scored{c, best, i})
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.i, b.i)) })
	out := make([]candidate, len(hits))
	for i, h := range hits {
		out[i] = h.c
	}
	return out
}
