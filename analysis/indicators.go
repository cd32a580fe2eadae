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
	ind.ServicePoints, ind.ServicePointsByKind = servicePoints(r, ind.Offices)
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
// delegation and its reception desk in the same place are one site). An own
// office channel that declares its points counts them instead of its places,
// and its places are not counted again for the units there. With open, only
// what is open counts.
func offices(r *model.Resolved, open func(phase string) bool) int {
	sites := make(map[string]bool, len(r.Instances))
	for _, in := range r.Instances {
		if in.Place != nil && (open == nil || open(in.Phase)) {
			sites[in.Place.ID] = true
		}
	}
	national, declared := 0, 0
	var covered []*model.TerritoryUnit // the places of own desks counted by their declared points
	for _, ch := range r.Channels {
		if !ownOffice(ch) || (open != nil && !open(ch.Phase)) {
			continue
		}
		points := channelPoints(r, ch)
		if ch.Points != nil {
			declared += *ch.Points
			covered = append(covered, points...)
			continue
		}
		if len(points) == 0 {
			national = 1 // an office with no place: one site
		}
		for _, p := range points {
			sites[p.ID] = true
		}
	}
	for _, p := range covered {
		delete(sites, p.ID)
	}
	return len(sites) + national + declared
}

// ownOffice reports whether a channel is an office the agency operates itself
// (its own operator or none).
func ownOffice(ch *model.Channel) bool {
	return ch.Kind == "office" && (ch.Operator == "" || ch.Operator == model.Reserved)
}

// ServicePointKinds returns the kinds of in-person points, in the order they
// are listed: the agency's own offices, partners' counters (a
// partner-counter channel, or an office another operator runs), mobile
// units — the service points, where a household is informed, applies or
// lodges a grievance in person — then agent networks' payment points,
// listed but not counted among the service points (ServicePointCounted).
// Digital channels and call centres are no place (model.Channel.InPerson).
func ServicePointKinds() []string {
	return []string{"office", "partner-counter", "mobile-unit", "agent-network"}
}

// ServicePointCounted reports whether a kind of ServicePointKinds counts
// among the service points: every kind but agent networks, whose tens of
// thousands of payment and cash-out points would drown the places where a
// household is received.
func ServicePointCounted(kind string) bool { return kind != "agent-network" }

// servicePoints counts the places a household is received in person (own
// offices, partners' counters, mobile units), and lists by kind (every kind
// of ServicePointKinds, in its order) the own offices given, then the points
// of every other in-person channel (channelCount), agent networks' payment
// points included but left out of the total.
func servicePoints(r *model.Resolved, own int) (int, []KindPoints) {
	by := map[string]int{"office": own}
	for _, ch := range r.Channels {
		switch {
		case ownOffice(ch), !ch.InPerson():
			continue
		case ch.Kind == "office": // another operator's office: a partner's counter
			by["partner-counter"] += channelCount(r, ch)
		default:
			by[ch.Kind] += channelCount(r, ch)
		}
	}
	total := 0
	kinds := ServicePointKinds()
	out := make([]KindPoints, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, KindPoints{Kind: k, Points: by[k]})
		if ServicePointCounted(k) {
			total += by[k]
		}
	}
	return total, out
}

// channelCount is the number of physical points of a channel: its declared
// points, else one per territory unit it is placed in, else one (a channel
// placed nowhere is somewhere).
func channelCount(r *model.Resolved, ch *model.Channel) int {
	if ch.Points != nil {
		return *ch.Points
	}
	return max(len(channelPoints(r, ch)), 1)
}
