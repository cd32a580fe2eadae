package analysis

import (
	"cmp"
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// Analyze computes every figure of one resolved scenario.
func Analyze(r *model.Resolved, opts Options) *Analysis {
	if opts.MaxSpan <= 0 {
		opts.MaxSpan = 10
	}
	if opts.CriticalStages <= 0 {
		opts.CriticalStages = 3
	}
	a := &Analysis{Scenario: r.Header.ID, Title: r.Header.Title, Currency: r.Header.Currency}
	items := costItems(r)
	a.Costs = costs(r, items)
	a.Structure = structure(r, opts.MaxSpan)
	a.RACI = raci(r)
	a.Capacity = capacity(r)
	a.Systems = systems(r, opts.CriticalStages)
	a.Indicators = indicators(r, a)
	a.Phases = phases(r, items)
	a.Budget = budget(r, items, opts.Horizon, a.Costs, a.Indicators.AdminShare, a.Indicators.Households)
	return a
}

// NationalKey groups the central units in Costs.ByTerritory; it is not
// kebab-case, so no territory unit can have it as id.
const NationalKey = "(national)"

// channelPoints returns the territory units where a channel has a physical
// point: one per unit of its level, its `at` unit, or none (national).
func channelPoints(r *model.Resolved, ch *model.Channel) []*model.TerritoryUnit {
	if r.Territory == nil {
		return nil
	}
	switch {
	case ch.Per != "":
		return r.Territory.Level(ch.Per)
	case ch.At != "":
		if u := r.Territory.Unit(ch.At); u != nil {
			return []*model.TerritoryUnit{u}
		}
	}
	return nil
}

// topOf returns the top-level territory unit containing u (u itself at the top).
func topOf(t *model.Territory, u *model.TerritoryUnit) *model.TerritoryUnit {
	for i := 0; u != nil && u.Parent != "" && i <= len(t.Units); i++ {
		p := t.Unit(u.Parent)
		if p == nil {
			break
		}
		u = p
	}
	return u
}

func costs(r *model.Resolved, items []costItem) Costs {
	var c Costs
	byUnit := map[string]*UnitCost{}
	byTier := map[string]*GroupCost{}
	byPlace := map[string]*GroupCost{}
	byProfile := map[string]*ProfileCost{}
	for _, u := range r.Units {
		uc := &UnitCost{Unit: u.ID, Name: u.Name, Kind: u.Kind, Tier: u.TierOrDefault(), Per: u.Per}
		byUnit[u.ID] = uc
		c.ByUnit = append(c.ByUnit, *uc) // placeholder, filled below
	}
	for _, p := range r.Profiles {
		byProfile[p.ID] = &ProfileCost{Profile: p.ID, Title: p.Title, FrontOffice: p.FrontOffice}
	}
	group := func(m map[string]*GroupCost, key, name string) *GroupCost {
		g, ok := m[key]
		if !ok {
			g = &GroupCost{Key: key, Name: name}
			m[key] = g
		}
		return g
	}
	for _, in := range r.Instances {
		setup, annual := 0.0, 0.0
		if in.Unit.Cost != nil {
			setup, annual = in.Unit.Cost.Setup, in.Unit.Cost.Annual
		}
		uc := byUnit[in.Template]
		uc.Instances++
		uc.Headcount += in.Headcount
		uc.Payroll += in.Payroll
		uc.Setup += setup
		uc.Annual += annual
		tier := in.Unit.TierOrDefault()
		place, placeName := NationalKey, "national"
		if in.Place != nil {
			top := topOf(r.Territory, in.Place)
			place, placeName = top.ID, top.Name
		}
		for _, g := range []*GroupCost{group(byTier, tier, tier), group(byPlace, place, placeName)} {
			g.Instances++
			g.Headcount += in.Headcount
			g.Payroll += in.Payroll
			g.Setup += setup
			g.Annual += annual
		}
		for _, s := range in.Staff {
			pc := byProfile[s.Profile]
			if pc == nil {
				continue
			}
			pc.Headcount += s.Count
			if p := r.Profile(s.Profile); p != nil {
				pc.Payroll += float64(s.Count) * p.AnnualCost
			}
		}
	}
	// The totals are the items' (the budget's and the phases'); the
	// breakdowns above are the units'.
	for _, it := range items {
		c.Headcount += it.headcount
		c.Payroll += it.payroll
		c.Setup += it.setup
		c.Annual += it.annual
	}
	for i, u := range r.Units {
		c.ByUnit[i] = *byUnit[u.ID]
	}
	for _, t := range model.Tiers {
		if g, ok := byTier[t]; ok {
			c.ByTier = append(c.ByTier, *g)
		}
	}
	if g, ok := byPlace[NationalKey]; ok {
		c.ByTerritory = append(c.ByTerritory, *g)
	}
	if r.Territory != nil {
		for _, u := range r.Territory.Units {
			if g, ok := byPlace[u.ID]; ok && u.Parent == "" {
				c.ByTerritory = append(c.ByTerritory, *g)
			}
		}
	}
	for _, p := range r.Profiles {
		c.ByProfile = append(c.ByProfile, *byProfile[p.ID])
	}
	return c
}

func byCountDesc[T any](s []T, count func(T) int, key func(T) string) {
	slices.SortStableFunc(s, func(a, b T) int {
		return cmp.Or(cmp.Compare(count(b), count(a)), cmp.Compare(key(a), key(b)))
	})
}
