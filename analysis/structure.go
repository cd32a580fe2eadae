package analysis

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// structure computes spans of control and layers over the instance tree.
func structure(r *model.Resolved, maxSpan int) Structure {
	s := Structure{Units: len(r.Instances), MaxSpan: maxSpan, Roots: []string{}, OverSpan: []Span{}, Dotted: []Dotted{}, Distribution: []Bucket{}}
	children := make(map[string][]*model.Instance, len(r.Instances)/4)
	isInstance := make(map[string]bool, len(r.Instances))
	for _, in := range r.Instances {
		isInstance[in.ID] = true
	}
	var roots []*model.Instance
	for _, in := range r.Instances {
		if isInstance[in.ReportsTo] {
			children[in.ReportsTo] = append(children[in.ReportsTo], in)
		} else {
			roots = append(roots, in) // reports to a body, or to nothing
		}
	}
	var spans []Span
	var walk func(in *model.Instance, layer int)
	seen := make(map[string]bool, len(r.Instances))
	walk = func(in *model.Instance, layer int) {
		if seen[in.ID] {
			return
		}
		seen[in.ID] = true
		s.Layers = max(s.Layers, layer)
		if n := len(children[in.ID]); n > 0 {
			spans = append(spans, Span{Unit: in.ID, Name: in.Name, Layer: layer, Subordinates: n})
		}
		for _, c := range children[in.ID] {
			walk(c, layer+1)
		}
	}
	for _, in := range roots {
		s.Roots = append(s.Roots, in.ID)
		walk(in, 1)
	}
	counts := map[int]int{}
	total := 0
	for _, sp := range spans {
		counts[sp.Subordinates]++
		total += sp.Subordinates
		if sp.Subordinates > maxSpan {
			s.OverSpan = append(s.OverSpan, sp)
		}
	}
	if len(spans) > 0 {
		s.AverageSpan = float64(total) / float64(len(spans))
	}
	keys := make([]int, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s.Distribution = append(s.Distribution, Bucket{Span: k, Units: counts[k]})
	}
	byCountDesc(s.OverSpan, func(x Span) int { return x.Subordinates }, func(x Span) string { return x.Unit })
	for _, u := range r.Units {
		for _, f := range u.FunctionalTo {
			s.Dotted = append(s.Dotted, Dotted{From: u.ID, To: f})
		}
	}
	return s
}
