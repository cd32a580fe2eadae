package analysis

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

func indicators(r *model.Resolved, a *Analysis) Indicators {
	ind := Indicators{TerritorialTiers: []string{}}
	if d := r.Demand; d != nil {
		ind.Households = d.Households
		ind.Population = d.Population
	}
	if r.Territory != nil && r.Territory.Total("population") > 0 {
		ind.Population = r.Territory.Total("population") // inhabitants, not the people covered
	}
	if ind.Households > 0 {
		ind.StaffPer10kHouseholds = float64(a.Costs.Headcount) * 10000 / ind.Households
	}
	if d := r.Demand; d != nil && d.BenefitsPerYear > 0 {
		v := a.Costs.RunningPerYear() / d.BenefitsPerYear
		ind.AdminShare = &v
	}
	ind.Offices = offices(r, nil)
	if ind.Population > 0 {
		ind.OfficesPerMillion = float64(ind.Offices) / ind.Population * 1e6
	}
	territorial := 0
	tiers := map[string]bool{}
	for _, in := range r.Instances {
		if t := in.Unit.TierOrDefault(); t != "central" {
			territorial += in.Headcount
			tiers[t] = true
		}
	}
	ind.TerritorialShare = share(float64(territorial), float64(a.Costs.Headcount))
	for _, t := range model.Tiers {
		if tiers[t] {
			ind.TerritorialTiers = append(ind.TerritorialTiers, t)
		}
	}
	for _, b := range r.Bodies {
		if b.Kind != "board" {
			continue
		}
		members := distinct(b.Members)
		ind.BoardSize = len(members) + b.IndependentMembers
		if b.Chair != "" && !slices.Contains(members, b.Chair) {
			ind.BoardSize++
		}
		ind.IndependentShare = share(float64(b.IndependentMembers), float64(ind.BoardSize))
		break
	}
	if in := r.Institution; in != nil {
		ind.LegalForm, ind.Supervision, ind.FinancialAutonomy = in.LegalForm, in.Supervision, in.FinancialAutonomy
		ind.StaffStatus, ind.Registry, ind.Payments = in.StaffStatus, in.Registry, in.Payments
	}
	return ind
}

// offices counts the agency's own sites: the distinct territory units where
// it has a territorial unit or an office channel it operates itself (a
// delegation and its reception desk in the same place are one site). With
// open, only what is open counts.
func offices(r *model.Resolved, open func(phase string) bool) int {
	sites := make(map[string]bool, len(r.Instances))
	for _, in := range r.Instances {
		if in.Place != nil && (open == nil || open(in.Phase)) {
			sites[in.Place.ID] = true
		}
	}
	national := 0
	for _, ch := range r.Channels {
		if ch.Kind != "office" || (ch.Operator != "" && ch.Operator != model.Reserved) || (open != nil && !open(ch.Phase)) {
			continue
		}
		points := channelPoints(r, ch)
		if len(points) == 0 {
			national = 1 // an office with no place: one site
		}
		for _, p := range points {
			sites[p.ID] = true
		}
	}
	return len(sites) + national
}
