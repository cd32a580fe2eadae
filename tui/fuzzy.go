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
// best first (rankCandidates).
func filterCandidates(cands []candidate, query string) []candidate {
	idx := rankCandidates(cands, query)
	out := make([]candidate, len(idx))
	for i, j := range idx {
		out[i] = cands[j]
	}
	return out
}

// The tiers of a match, best first.
const (
	tierExact  = iota // the id, as typed (case and accents aside)
	tierPrefix        // an id that starts with the query
	tierName          // a name that starts with the query
	tierFuzzy         // the query's letters in order, in the id or the name
)

// rankCandidates returns the indexes of the candidates whose id or name
// matches the query, best first: the id typed exactly, then the ids that
// start with it (the shortest first: "dir-s" puts dir-si before
// dir-strategie), then the names that start with it, then the other
// matches by fuzzy score; ties keep the candidates' order. An empty query
// keeps them all, in order.
func rankCandidates(cands []candidate, query string) []int {
	q := strings.TrimSpace(query)
	if q == "" {
		out := make([]int, len(cands))
		for i := range out {
			out[i] = i
		}
		return out
	}
	fq := fold(q)
	type scored struct {
		i, tier, score int
	}
	var hits []scored
	for i, c := range cands {
		id := fold(c.id)
		switch {
		case id == fq:
			hits = append(hits, scored{i, tierExact, 0})
			continue
		case strings.HasPrefix(id, fq):
			hits = append(hits, scored{i, tierPrefix, -len(id)})
			continue
		case strings.HasPrefix(fold(c.name), fq):
			hits = append(hits, scored{i, tierName, 0})
			continue
		}
		s1, ok1 := fuzzyScore(q, c.id)
		s2, ok2 := fuzzyScore(q, c.name)
		if !ok1 && !ok2 {
			continue
		}
		best := s1
		if !ok1 || ok2 && s2 > s1 {
			best = s2
		}
		hits = append(hits, scored{i, tierFuzzy, best})
	}
	slices.SortStableFunc(hits, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(b.score, a.score), cmp.Compare(a.i, b.i))
	})
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.i
	}
	return out
}
