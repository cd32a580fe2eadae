package benchmarks

import (
	"maps"
	"slices"
	"strings"
)

// NextPeers is how many peers after the nearest a contrast shows per option.
const NextPeers = 3

// Contrast tells the options of a study apart by their peers: for each
// option, the features that set it apart (from the baseline, or from the
// other options without one) and the countries they bring nearer or push
// away; when every option has the same nearest peer, the features they all
// share with it, which are why.
type Contrast struct {
	Baseline string           `json:"baseline,omitempty"`    // the scenario the others are set against; empty: each against the other options
	Options  []OptionContrast `json:"options"`               // in the order of the comparisons
	Same     string           `json:"sameNearest,omitempty"` // the country every option has as its nearest peer
	Shared   []string         `json:"shared,omitempty"`      // field=value: what every option shares with that country
	Own      string           `json:"ownCountry,omitempty"`  // the scenarios' own country, left out of the peers
	Alike    [][]string       `json:"alike,omitempty"`       // options with the same features, hence the same peers: no country tells them apart
}

// OptionContrast is one option's peers and what sets them apart.
type OptionContrast struct {
	Scenario string          `json:"scenario"`
	Nearest  *Peer           `json:"nearest"` // nil without countries
	Next     []Peer          `json:"next"`    // up to NextPeers following peers
	Differs  []FeatureChange `json:"differs"` // the features that set it apart from its reference
	Nearer   []string        `json:"nearer"`  // countries those features bring nearer, nearest first
	Farther  []string        `json:"farther"` // countries they push away
}

// FeatureChange is a feature on which an option differs from its reference.
type FeatureChange struct {
	Field     string `json:"field"`
	Value     string `json:"value"`     // the option's
	Reference string `json:"reference"` // the baseline's, or what most other options have
}

// Contrasts sets the comparisons of several options side by side. baseline
// names the scenario the others are set against (empty: each option is set
// against what most of the other options have). It returns nil for fewer
// than two comparisons.
func Contrasts(comps []*Comparison, baseline string) *Contrast {
	if len(comps) < 2 {
		return nil
	}
	feats := make([]map[string]string, len(comps))
	var base map[string]string
	for i, c := range comps {
		feats[i] = map[string]string{}
		for _, row := range c.Frame {
			feats[i][row.Field] = row.Scenario
		}
		if c.Scenario == baseline {
			base = feats[i]
		}
	}
	out := &Contrast{Options: []OptionContrast{}, Own: comps[0].Own}
	if base != nil {
		out.Baseline = baseline
	}
	countries := countryFeaturesOf(comps[0])
	for i, c := range comps {
		oc := OptionContrast{Scenario: c.Scenario, Next: []Peer{}, Differs: []FeatureChange{}, Nearer: []string{}, Farther: []string{}}
		if len(c.Peers) > 0 {
			p := c.Peers[0]
			oc.Nearest = &p
			oc.Next = slices.Clone(c.Peers[1:min(len(c.Peers), 1+NextPeers)])
		}
		ref := base
		if ref == nil || c.Scenario == baseline {
			ref = mostOthers(feats, i)
		}
		for _, field := range FrameFields {
			if v, r := feats[i][field], ref[field]; v != r {
				oc.Differs = append(oc.Differs, FeatureChange{Field: field, Value: v, Reference: r})
			}
		}
		if len(oc.Differs) > 0 {
			oc.Nearer, oc.Farther = moved(feats[i], ref, countries, c)
		}
		out.Options = append(out.Options, oc)
	}
	out.Alike = alike(comps, feats)
	// The same nearest peer for every option: what they all share with it.
	first := out.Options[0].Nearest
	if first == nil {
		return out
	}
	for _, oc := range out.Options {
		if oc.Nearest == nil || oc.Nearest.Country != first.Country {
			return out
		}
	}
	out.Same = first.Country
	peer := countries[first.Country]
	for _, field := range FrameFields {
		v := feats[0][field]
		shared := v != "" && peer[field] == v
		for _, f := range feats[1:] {
			shared = shared && f[field] == v
		}
		if shared {
			out.Shared = append(out.Shared, field+"="+v)
		}
	}
	return out
}

// alike groups the options whose features are all the same, in the order
// of the comparisons; an option alone is no group.
func alike(comps []*Comparison, feats []map[string]string) [][]string {
	var out [][]string
	done := make([]bool, len(comps))
	for i := range comps {
		if done[i] {
			continue
		}
		group := []string{comps[i].Scenario}
		for j := i + 1; j < len(comps); j++ {
			if !done[j] && maps.Equal(feats[i], feats[j]) {
				group, done[j] = append(group, comps[j].Scenario), true
			}
		}
		if len(group) > 1 {
			out = append(out, group)
		}
	}
	return out
}

// countryFeaturesOf reads the countries' features from a comparison's frame.
func countryFeaturesOf(c *Comparison) map[string]map[string]string {
	out := map[string]map[string]string{}
	for i, co := range c.Countries {
		f := map[string]string{}
		for _, row := range c.Frame {
			if i < len(row.Countries) {
				f[row.Field] = row.Countries[i]
			}
		}
		out[co.ID] = f
	}
	return out
}

// mostOthers is, field by field, the value most of the other options have;
// on a tie, the option's own value when it is among the tied, else the
// first in alphabetical order.
func mostOthers(feats []map[string]string, self int) map[string]string {
	out := map[string]string{}
	for _, field := range FrameFields {
		count := map[string]int{}
		for j, f := range feats {
			if j != self {
				count[f[field]]++
			}
		}
		best, most := "", -1
		for _, v := range slices.Sorted(maps.Keys(count)) {
			if n := count[v]; n > most || (n == most && v == feats[self][field]) {
				best, most = v, n
			}
		}
		out[field] = best
	}
	return out
}

// moved lists the countries (the scenario's own left out) that the option's
// features score higher, and lower, than its reference's, in the order of
// the option's peers.
func moved(option, ref map[string]string, countries map[string]map[string]string, c *Comparison) (nearer, farther []string) {
	nearer, farther = []string{}, []string{}
	for _, p := range c.Peers {
		cf := countries[p.Country]
		mine, theirs := score(option, p.Country, cf).Score, score(ref, p.Country, cf).Score
		switch {
		case mine > theirs:
			nearer = append(nearer, p.Country)
		case mine < theirs:
			farther = append(farther, p.Country)
		}
	}
	return nearer, farther
}

// Field splits a field=value feature.
func Field(feature string) (field, value string) {
	field, value, _ = strings.Cut(feature, "=")
	return field, value
}
