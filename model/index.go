package model

// index builds the one namespace of a resolved scenario: every id unique
// across every kind of item, lower-kebab-case, and never the reserved `agency`.
func index(r *Resolved, c *diags) {
	r.Index = map[string]*Entity{}
	add := func(kind, id string, m *Meta, item any) {
		if id == "" {
			return
		}
		checkIDFormat(c, m, id)
		if id == Reserved {
			c.add(m.PosOf("id"), Error, "reserved-id", "`agency` names the agency as a whole; use it in references without declaring it",
				"%s id %q is reserved", kind, id)
			return
		}
		if first, dup := r.Index[id]; dup {
			c.add(m.PosOf("id"), Error, "duplicate-id", "first declared at "+first.Pos.String(),
				"id %q is already used by %s %q", id, first.Kind, id)
			return
		}
		r.Index[id] = &Entity{ID: id, Kind: kind, Pos: m.PosOf("id"), Item: item}
	}
	s := r.Scenario
	for _, x := range s.Units {
		add("unit", x.ID, &x.Meta, x)
	}
	for _, x := range s.Bodies {
		add("body", x.ID, &x.Meta, x)
	}
	for _, x := range s.Actors {
		add("actor", x.ID, &x.Meta, x)
	}
	for _, x := range s.Channels {
		add("channel", x.ID, &x.Meta, x)
	}
	for _, x := range s.Systems {
		add("system", x.ID, &x.Meta, x)
	}
	for _, x := range s.Interfaces {
		add("interface", x.ID, &x.Meta, x)
	}
	for _, x := range s.Profiles {
		add("profile", x.ID, &x.Meta, x)
	}
	for _, x := range s.Phases {
		add("phase", x.ID, &x.Meta, x)
	}
	for _, x := range s.Prerequisites {
		add("prerequisite", x.ID, &x.Meta, x)
	}
	for _, x := range s.Mandates {
		add("mandate", x.ID, &x.Meta, x)
	}
	if s.Strategy != nil {
		for _, o := range s.Strategy.Objectives {
			add("objective", o.ID, &o.Meta, o)
			for _, k := range o.Indicators {
				add("indicator", k.ID, &k.Meta, k)
			}
		}
	}
	for _, x := range s.Assumptions {
		add("assumption", x.ID, &x.Meta, x)
	}
	for _, x := range s.Risks {
		add("risk", x.ID, &x.Meta, x)
		for _, m := range x.Mitigations {
			add("mitigation", m.ID, &m.Meta, m)
		}
	}
	for _, x := range s.Sources {
		add("source", x.ID, &x.Meta, x)
	}
}

// Lookup returns the entity with the id, or nil.
func (r *Resolved) Lookup(id string) *Entity { return r.Index[id] }

// Unit returns the unit template with the id, or nil.
func (r *Resolved) Unit(id string) *Unit {
	if e := r.Index[id]; e != nil {
		if u, ok := e.Item.(*Unit); ok {
			return u
		}
	}
	return nil
}

// Profile returns the profile with the id, or nil.
func (r *Resolved) Profile(id string) *Profile {
	if e := r.Index[id]; e != nil {
		if p, ok := e.Item.(*Profile); ok {
			return p
		}
	}
	return nil
}
