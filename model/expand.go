package model

import (
	"math"
	"strings"
)

// Instance is one unit as it exists on the ground: a template replicated per
// territory unit (`per`), placed in one (`at`), or a national unit.
type Instance struct {
	ID         string         `json:"id"`
	Unit       *Unit          `json:"-"`
	Template   string         `json:"template"`
	Name       string         `json:"name"`
	Place      *TerritoryUnit `json:"-"`
	PlaceID    string         `json:"place,omitempty"`
	ReportsTo  string         `json:"reportsTo,omitempty"` // an instance id or a body id
	Phase      string         `json:"phase,omitempty"`
	Households float64        `json:"households"` // the demand this instance serves
	Population float64        `json:"population"`
	Staff      []StaffCount   `json:"staff,omitempty"`
	Headcount  int            `json:"headcount"`
	Payroll    float64        `json:"payroll"`
}

// StaffCount is one staff line computed for one instance.
type StaffCount struct {
	Profile string `json:"profile"`
	Count   int    `json:"count"`
	Norm    bool   `json:"norm,omitempty"` // computed from an onePer norm
	Phase   string `json:"phase,omitempty"`
}

// Replicated reports whether the unit has one instance per territory unit of a level.
func (u *Unit) Replicated() bool { return u.Per != "" }

// TierOrDefault returns the unit's tier, central when unset.
func (u *Unit) TierOrDefault() string {
	if u.Tier == "" {
		return "central"
	}
	return u.Tier
}

// InstancesOf returns the instances of a unit template.
func (r *Resolved) InstancesOf(id string) []*Instance {
	var out []*Instance
	for _, in := range r.Instances {
		if in.Template == id {
			out = append(out, in)
		}
	}
	return out
}

// expand creates the instances of every unit, attaches each to its superior's
// instance, and computes the staff its norms call for.
func expand(r *Resolved, c *diags) {
	byTemplate := map[string][]*Instance{}
	for _, u := range r.Units {
		var places []*TerritoryUnit
		switch {
		case u.Per != "":
			if r.Territory == nil || !r.Territory.HasLevel(u.Per) {
				continue // reported by validate
			}
			places = r.Territory.Level(u.Per)
		case u.At != "":
			if r.Territory == nil || r.Territory.Unit(u.At) == nil {
				continue
			}
			places = []*TerritoryUnit{r.Territory.Unit(u.At)}
		default:
			places = []*TerritoryUnit{nil}
		}
		for _, p := range places {
			in := &Instance{ID: u.ID, Unit: u, Template: u.ID, Name: u.Name, Place: p, Phase: u.Phase}
			if p != nil {
				in.PlaceID = p.ID
				in.Name = strings.ReplaceAll(u.Name, "{territory}", p.Name)
				if u.Per != "" {
					in.ID = u.ID + "-" + p.ID
				}
			}
			byTemplate[u.ID] = append(byTemplate[u.ID], in)
			r.Instances = append(r.Instances, in)
		}
	}
	checkInstanceIDs(r, c)
	failed := map[string]bool{}
	byPlace := map[string]map[string]int{}
	for _, u := range r.Units {
		for _, in := range byTemplate[u.ID] {
			attach(r, in, byTemplate, byPlace, failed, c)
		}
	}
	apportion(r, byTemplate, c)
}

// attach sets the instance's superior: a body, a national unit, or the instance
// of a replicated superior whose territory contains this instance's own.
//
// byPlace caches, per superior template, the rank in byTemplate of its first
// instance at each territory unit, so finding the superior costs a walk up
// the territory rather than a scan of the superior's instances.
func attach(r *Resolved, in *Instance, byTemplate map[string][]*Instance, byPlace map[string]map[string]int, attachFailed map[string]bool, c *diags) {
	u := in.Unit
	if u.ReportsTo == "" {
		return
	}
	sup := r.Unit(u.ReportsTo)
	if sup == nil {
		in.ReportsTo = u.ReportsTo // a body, or unknown (reported by validate)
		return
	}
	cands := byTemplate[sup.ID]
	if len(cands) == 1 && !sup.Replicated() {
		in.ReportsTo = cands[0].ID
		return
	}
	if len(cands) == 0 {
		return // the superior could not be expanded; already reported
	}
	if in.Place == nil {
		c.add(u.PosOf("reportsTo"), Error, "no-instance-to-attach", "give this unit `per` or `at`, or report to a national unit",
			"unit %q is national but reports to %q, which has %d instances (one per %s)", u.ID, sup.ID, len(cands), sup.Per)
		return
	}
	if s := containing(r.Territory, in.Place, cands, byPlace, sup.ID); s != nil {
		in.ReportsTo = s.ID
		return
	}
	if !attachFailed[u.ID] {
		attachFailed[u.ID] = true
		c.add(u.PosOf("reportsTo"), Error, "no-instance-to-attach", "a replicated unit reports to the instance of its superior whose territory contains its own",
			"unit %q reports to %q, but no instance of %q contains %s (%s)", u.ID, sup.ID, sup.ID, in.Place.Name, in.Place.ID)
	}
}

// containing returns the first of cands (in their order) whose place contains
// place or is it, as Territory.Within tells, or nil.
func containing(t *Territory, place *TerritoryUnit, cands []*Instance, byPlace map[string]map[string]int, template string) *Instance {
	rank, ok := byPlace[template]
	if !ok {
		rank = map[string]int{}
		for i, s := range cands {
			if s.Place == nil {
				continue
			}
			if _, dup := rank[s.Place.ID]; !dup {
				rank[s.Place.ID] = i
			}
		}
		byPlace[template] = rank
	}
	best := -1
	for id := range t.up(place.ID) {
		if i, ok := rank[id]; ok && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return cands[best]
}

// apportion spreads the demand over the territory and turns staffing norms into headcounts.
func apportion(r *Resolved, byTemplate map[string][]*Instance, c *diags) {
	d := r.Demand
	dist := "population"
	if d != nil && d.Distribution != "" {
		dist = d.Distribution
	}
	totalPop := 0.0
	if d != nil && d.Population > 0 {
		totalPop = d.Population
	} else if r.Territory != nil {
		totalPop = r.Territory.Total("population")
	}
	households := 0.0
	if d != nil {
		households = d.Households
	}
	missing := map[string]bool{}
	for _, in := range r.Instances {
		share := 1.0
		if in.Place != nil {
			s, ok := r.Territory.Share(in.Place, dist)
			if !ok {
				if !missing[in.Template] && d != nil {
					missing[in.Template] = true
					c.add(d.PosOf("distribution"), Error, "missing-figure", "give every territory unit of that level the figure, or distribute by another one",
						"the demand is distributed by %q, which territory unit %q does not carry (needed by unit %q)", dist, in.Place.ID, in.Template)
				}
			}
			share = s
		}
		in.Households = households * share
		in.Population = totalPop * share
		for _, line := range in.Unit.Staff {
			sc := StaffCount{Profile: line.Profile, Count: line.Count, Phase: line.Phase}
			if line.OnePer > 0 {
				sc.Norm = true
				base := in.Households
				if line.Of == "population" {
					base = in.Population
				}
				sc.Count = int(math.Ceil(base/line.OnePer - 1e-9))
			}
			in.Staff = append(in.Staff, sc)
			in.Headcount += sc.Count
			if p := r.Profile(line.Profile); p != nil {
				in.Payroll += float64(sc.Count) * p.AnnualCost
			}
		}
	}
}

// Headcount returns the people of every instance.
func (r *Resolved) Headcount() int {
	n := 0
	for _, in := range r.Instances {
		n += in.Headcount
	}
	return n
}

// Payroll returns the annual staff cost of every instance.
func (r *Resolved) Payroll() float64 {
	p := 0.0
	for _, in := range r.Instances {
		p += in.Payroll
	}
	return p
}

// checkInstanceIDs reports an instance whose generated id (template id plus
// territory id) collides with a declared id or with another instance.
func checkInstanceIDs(r *Resolved, c *diags) {
	seen := map[string]*Instance{}
	for _, in := range r.Instances {
		if in.ID == in.Template {
			seen[in.ID] = in
		}
	}
	for _, in := range r.Instances {
		if in.ID == in.Template {
			continue
		}
		if e := r.Index[in.ID]; e != nil {
			c.add(in.Unit.PosOf("per"), Error, "duplicate-id", "rename one of them; declared at "+e.Pos.String(),
				"instance %q of unit %q (in %s) has the id of %s %q", in.ID, in.Template, in.Place.Name, e.Kind, e.ID)
			continue
		}
		if other, dup := seen[in.ID]; dup {
			c.add(in.Unit.PosOf("per"), Error, "duplicate-id", "rename one of the units",
				"instance %q of unit %q has the same id as an instance of unit %q", in.ID, in.Template, other.Template)
			continue
		}
		seen[in.ID] = in
	}
}
