package analysis

import (
	"math"
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// required is the headcount a standard calls for given a demand.
func required(st *model.Standard, households, population float64) int {
	base := households
	if st.Of == "population" {
		base = population
	}
	if st.OnePer <= 0 {
		return 0
	}
	return int(math.Ceil(base/st.OnePer - 1e-9))
}

func capacity(r *model.Resolved) Capacity {
	c := Capacity{Places: []PlaceCapacity{}, National: []ProfileGap{}, Channels: []StageChannels{}}
	var standards []*model.Standard
	households, population := 0.0, 0.0
	if d := r.Demand; d != nil {
		standards = d.Standards
		households = d.Households
		population = d.Population
		if population == 0 && r.Territory != nil {
			population = r.Territory.Total("population")
		}
	}
	nationalPlanned := map[string]int{}
	for _, in := range r.Instances {
		for _, s := range in.Staff {
			nationalPlanned[s.Profile] += s.Count
			if p := r.Profile(s.Profile); p != nil && p.FrontOffice {
				c.FrontOffice += s.Count
			}
		}
	}
	for _, pc := range places(r, standards) {
		c.Planned += pc.Planned
		c.Required += pc.Required
		if pc.Gap > 0 {
			c.Gap += pc.Gap
		}
		c.Places = append(c.Places, pc)
	}
	for _, st := range standards {
		if st.Tier != "" {
			continue
		}
		need := required(st, households, population)
		p := nationalPlanned[st.Profile]
		c.National = append(c.National, ProfileGap{Profile: st.Profile, Planned: p, Required: need, Gap: need - p})
		if need > p {
			c.Gap += need - p
		}
		c.Planned += p
		c.Required += need
	}
	if c.Required > 0 {
		v := float64(c.Gap) / float64(c.Required)
		c.GapShare = &v
	}
	if c.FrontOffice > 0 {
		c.HouseholdsPerFOA = households / float64(c.FrontOffice)
	}
	c.Channels = stageChannels(r)
	return c
}

// places holds the units a tier's standards apply to against them, pooled
// by tier and place: one requirement per tier, place and standard, the
// staff of every unit of that tier at that place counted towards it.
func places(r *model.Resolved, standards []*model.Standard) []PlaceCapacity {
	var out []PlaceCapacity
	at := map[[2]string]int{}
	planned := map[[2]string]int{} // the main unit's own staff, per pool
	for _, in := range r.Instances {
		tier := in.Unit.TierOrDefault()
		applies := slices.ContainsFunc(standards, func(st *model.Standard) bool { return st.Tier != "" && st.Tier == tier })
		if !applies {
			continue
		}
		place := ""
		if in.Place != nil {
			place = in.Place.ID
		}
		k := [2]string{tier, place}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			pc := PlaceCapacity{Tier: tier, Place: place, Units: []string{}, Households: in.Households, Population: in.Population}
			for _, st := range standards {
				if st.Tier == tier {
					pc.Profiles = append(pc.Profiles, ProfileGap{Profile: st.Profile, Required: required(st, in.Households, in.Population)})
				}
			}
			out = append(out, pc)
			planned[k] = -1
		}
		pc := &out[i]
		pc.Units = append(pc.Units, in.ID)
		own := 0
		for j := range pc.Profiles {
			for _, s := range in.Staff {
				if s.Profile == pc.Profiles[j].Profile {
					pc.Profiles[j].Planned += s.Count
					own += s.Count
				}
			}
		}
		if own > planned[k] {
			planned[k] = own
			pc.Main, pc.Template, pc.Name = in.ID, in.Template, in.Name
		}
	}
	for i := range out {
		pc := &out[i]
		pc.Planned, pc.Required = 0, 0
		for j := range pc.Profiles {
			g := &pc.Profiles[j]
			g.Gap = g.Required - g.Planned
			pc.Planned += g.Planned
			pc.Required += g.Required
		}
		pc.Gap = pc.Required - pc.Planned
	}
	return out
}

// stageChannels lists, for every stage some channel serves, the channels and
// the top-level territory units none of them reaches.
func stageChannels(r *model.Resolved) []StageChannels {
	var out []StageChannels
	for _, stage := range model.Stages {
		sc := StageChannels{Stage: stage, Channels: []ChannelReach{}, Uncovered: []string{}}
		national := false
		reached := map[string]bool{}
		for _, ch := range r.Channels {
			if !contains(ch.Stages, stage) {
				continue
			}
			cr := ChannelReach{Channel: ch.ID, Name: ch.Name, Kind: ch.Kind, Reach: "national"}
			points := channelPoints(r, ch)
			switch {
			case ch.Per != "":
				cr.Reach = ch.Per
			case ch.At != "":
				cr.Reach = ch.At
			default:
				national = true
			}
			cr.Points = len(points)
			if ch.Points != nil {
				cr.Points, cr.Declared = *ch.Points, true
			}
			for _, p := range points {
				reached[topOf(r.Territory, p).ID] = true
			}
			sc.Channels = append(sc.Channels, cr)
		}
		if len(sc.Channels) == 0 {
			continue
		}
		if !national && r.Territory != nil && len(r.Territory.Territory.Levels) > 0 {
			for _, u := range r.Territory.Level(r.Territory.Territory.Levels[0]) {
				if !reached[u.ID] {
					sc.Uncovered = append(sc.Uncovered, u.ID)
				}
			}
		}
		out = append(out, sc)
	}
	if out == nil {
		out = []StageChannels{}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// share returns part/whole, 0 when whole is 0.
func share(part, whole float64) float64 {
	if whole == 0 {
		return 0
	}
	return part / whole
}
