package model

import (
	"reflect"
	"slices"
)

// merge applies a scenario on top of the context it extends (DESIGN.md merge
// rules): identified items by id, chain by stage, relations by (from, to, kind),
// dismissals by finding, single-valued sections field by field, and `remove`
// drops inherited items (a dismissal by its finding's id). A finding the
// scenario's own register accepts drops the inherited dismissal of it: the
// option's acceptance wins.
func merge(base, own *Scenario, c *diags) *Scenario {
	removed := map[string]bool{}
	for _, r := range own.Remove {
		removed[r] = false
	}
	drop := func(key string) bool {
		if _, ok := removed[key]; ok {
			removed[key] = true
			return true
		}
		return false
	}
	out := &Scenario{Meta: own.Meta}
	out.Header = *mergeFields(&base.Header, &own.Header)
	out.Header.Partial = own.Header.Partial
	out.Header.Extends = own.Header.Extends
	out.Institution = mergeFields(base.Institution, own.Institution)
	out.Transition = mergeFields(base.Transition, own.Transition)
	out.Demand = mergeFields(base.Demand, own.Demand)
	out.Strategy = mergeFields(base.Strategy, own.Strategy)
	if base.Strategy != nil {
		var mine []*Objective
		if own.Strategy != nil {
			mine = own.Strategy.Objectives
		}
		st := *out.Strategy
		st.Objectives = mergeByKey(base.Strategy.Objectives, mine, func(o *Objective) string { return o.ID }, drop)
		out.Strategy = &st
	}
	out.Prerequisites = mergeByKey(base.Prerequisites, own.Prerequisites, func(x *Prerequisite) string { return x.ID }, drop)
	out.Phases = mergeByKey(base.Phases, own.Phases, func(x *Phase) string { return x.ID }, drop)
	out.Mandates = mergeByKey(base.Mandates, own.Mandates, func(x *Mandate) string { return x.ID }, drop)
	out.Actors = mergeByKey(base.Actors, own.Actors, func(x *Actor) string { return x.ID }, drop)
	out.Bodies = mergeByKey(base.Bodies, own.Bodies, func(x *Body) string { return x.ID }, drop)
	out.Units = mergeByKey(base.Units, own.Units, func(x *Unit) string { return x.ID }, drop)
	out.Channels = mergeByKey(base.Channels, own.Channels, func(x *Channel) string { return x.ID }, drop)
	out.Relations = mergeByKey(base.Relations, own.Relations, func(x *Relation) string { return x.From + "\x00" + x.To + "\x00" + x.Kind }, func(string) bool { return false })
	out.Chain = mergeChain(base.Chain, own.Chain, drop)
	out.Profiles = mergeByKey(base.Profiles, own.Profiles, func(x *Profile) string { return x.ID }, drop)
	out.Systems = mergeByKey(base.Systems, own.Systems, func(x *System) string { return x.ID }, drop)
	out.Interfaces = mergeByKey(base.Interfaces, own.Interfaces, func(x *Interface) string { return x.ID }, drop)
	out.Assumptions = mergeByKey(base.Assumptions, own.Assumptions, func(x *Assumption) string { return x.ID }, drop)
	out.Risks = mergeByKey(base.Risks, own.Risks, func(x *Risk) string { return x.ID }, drop)
	out.Sources = mergeByKey(base.Sources, own.Sources, func(x *Source) string { return x.ID }, drop)
	// An inherited dismissal is dropped by `remove: [finding id]`, and
	// gives way to the scenario's own acceptance of the finding.
	accepts := map[string]bool{}
	for _, rk := range own.Risks {
		if rk.Finding != "" {
			accepts[rk.Finding] = true
		}
	}
	out.Dismissed = mergeByKey(base.Dismissed, own.Dismissed, func(x *Dismissal) string { return x.Finding },
		func(id string) bool { return drop(id) || accepts[id] })
	out.Assessment = mergeByKey(base.Assessment, own.Assessment, func(x *Assessment) string { return x.Criterion }, func(string) bool { return false })
	for i, r := range own.Remove {
		if !removed[r] {
			c.add(own.ItemAt("remove", i), Error, "unknown-reference", "`remove` drops items, chain stages or dismissals (by finding id) inherited through `extends`",
				"remove: %q names nothing inherited from %s", r, own.Header.Extends)
		}
	}
	return out
}

// mergeByKey keeps the inherited items in order, replacing those the scenario
// redefines and dropping removed ones, then appends the scenario's new items.
func mergeByKey[T any](base, own []*T, key func(*T) string, drop func(string) bool) []*T {
	if len(base) == 0 && len(own) == 0 {
		return nil
	}
	mine := map[string]*T{}
	for _, x := range own {
		if k := key(x); k != "" {
			if _, dup := mine[k]; !dup {
				mine[k] = x
			}
		}
	}
	out := make([]*T, 0, len(base)+len(own))
	used := map[*T]bool{}
	for _, x := range base {
		k := key(x)
		if drop(k) {
			continue
		}
		if y, ok := mine[k]; ok {
			if !used[y] {
				out = append(out, y)
				used[y] = true
			}
			continue
		}
		out = append(out, x)
	}
	for _, x := range own {
		if !used[x] {
			out = append(out, x)
		}
	}
	return out
}

// mergeChain replaces inherited entries stage by stage; entries stay in chain order.
func mergeChain(base, own []*ChainEntry, drop func(string) bool) []*ChainEntry {
	mine := map[string]bool{}
	for _, e := range own {
		mine[e.Stage] = true
	}
	var out []*ChainEntry
	for _, e := range base {
		if drop(e.Stage) || mine[e.Stage] {
			continue
		}
		out = append(out, e)
	}
	out = append(out, own...)
	slices.SortStableFunc(out, func(a, b *ChainEntry) int { return stageRank(a.Stage) - stageRank(b.Stage) })
	return out
}

func stageRank(s string) int {
	if i := slices.Index(Stages, s); i >= 0 {
		return i
	}
	return len(Stages)
}

// mergeFields merges two single-valued sections field by field: a field the
// scenario writes replaces the inherited one.
func mergeFields[T any](base, own *T) *T {
	switch {
	case base == nil:
		return own
	case own == nil:
		return base
	}
	out := new(T)
	*out = *base
	ov, bv, rv := reflect.ValueOf(own).Elem(), reflect.ValueOf(base).Elem(), reflect.ValueOf(out).Elem()
	om := ov.Addr().Interface().(interface{ meta() *Meta }).meta()
	bm := bv.Addr().Interface().(interface{ meta() *Meta }).meta()
	m := rv.Addr().Interface().(interface{ meta() *Meta }).meta()
	m.Pos = om.Pos
	m.keys = map[string]Pos{}
	for k, p := range bm.keys {
		m.keys[k] = p
	}
	for _, f := range fieldsOf(rv.Type()) {
		if om.Has(f.key) {
			rv.FieldByIndex(f.index).Set(ov.FieldByIndex(f.index))
			for k := range m.keys {
				if k == f.key || len(k) > len(f.key) && k[:len(f.key)+1] == f.key+"[" {
					delete(m.keys, k)
				}
			}
		}
	}
	for k, p := range om.keys {
		m.keys[k] = p
	}
	return out
}
