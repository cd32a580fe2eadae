package model

import (
	"iter"
	"slices"
)

// Territory is a territory file indexed for expansion.
type Territory struct {
	*TerritoryFile
	File    string
	byID    map[string]*TerritoryUnit
	byLevel map[string][]*TerritoryUnit
	total   map[string]map[string]float64 // level -> figure -> sum over the level
	diags   Diagnostics                   // the file's own problems, repeated for every scenario using it
}

func newTerritory(f *TerritoryFile, file string) *Territory {
	t := &Territory{TerritoryFile: f, File: file, byID: map[string]*TerritoryUnit{},
		byLevel: map[string][]*TerritoryUnit{}, total: map[string]map[string]float64{}}
	for _, u := range f.Units {
		if _, dup := t.byID[u.ID]; !dup {
			t.byID[u.ID] = u
		}
		t.byLevel[u.Level] = append(t.byLevel[u.Level], u)
		if t.total[u.Level] == nil {
			t.total[u.Level] = map[string]float64{}
		}
		for name, v := range u.AllFigures() {
			t.total[u.Level][name] += v
		}
	}
	return t
}

// Unit returns the territory unit with the id, or nil.
func (t *Territory) Unit(id string) *TerritoryUnit { return t.byID[id] }

// Level returns the units of a level, in file order.
func (t *Territory) Level(name string) []*TerritoryUnit { return t.byLevel[name] }

// HasLevel reports whether the territory declares the level.
func (t *Territory) HasLevel(name string) bool { return slices.Contains(t.Territory.Levels, name) }

// Within reports whether unit id lies in ancestor (or is it).
func (t *Territory) Within(id, ancestor string) bool {
	for a := range t.up(id) {
		if a == ancestor {
			return true
		}
	}
	return false
}

// up yields id, then its parent, and so on to the top: ids of units of the
// territory, but for id itself, which may be unknown. It stops after as many
// steps as the territory has units, so a cycle of parents cannot hang it.
func (t *Territory) up(id string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for seen := 0; id != "" && seen <= len(t.Units); seen++ {
			if !yield(id) {
				return
			}
			u := t.byID[id]
			if u == nil {
				return
			}
			id = u.Parent
		}
	}
}

// Share returns the unit's share of its level for a figure (population,
// households or a named figure), and whether the figure is known.
func (t *Territory) Share(u *TerritoryUnit, figure string) (float64, bool) {
	v, ok := u.Figure(figure)
	total := t.total[u.Level][figure]
	if !ok || total <= 0 {
		return 0, false
	}
	return v / total, true
}

// Total returns the sum of a figure over the top level.
func (t *Territory) Total(figure string) float64 {
	if len(t.Territory.Levels) == 0 {
		return 0
	}
	return t.total[t.Territory.Levels[0]][figure]
}

// Figure returns one figure of the unit: population, households or a named one.
func (u *TerritoryUnit) Figure(name string) (float64, bool) {
	switch {
	case name == "population" && u.Population != nil:
		return *u.Population, true
	case name == "households" && u.Households != nil:
		return *u.Households, true
	}
	v, ok := u.Figures[name]
	return v, ok
}

// AllFigures returns every figure the unit carries, population and households included.
func (u *TerritoryUnit) AllFigures() map[string]float64 {
	m := make(map[string]float64, len(u.Figures)+2)
	for k, v := range u.Figures {
		m[k] = v
	}
	if u.Population != nil {
		m["population"] = *u.Population
	}
	if u.Households != nil {
		m["households"] = *u.Households
	}
	return m
}

// checkTerritory validates a territory file on its own.
func checkTerritory(f *TerritoryFile, c *diags) {
	h := &f.Territory
	requireText(c, &h.Meta, "id", h.ID, "the territory")
	requireText(c, &h.Meta, "name", h.Name, "the territory")
	if len(h.Levels) == 0 {
		c.add(h.PosOf("levels"), Error, "missing-field", "e.g. levels: [region, province]", "the territory needs `levels`, top first")
	}
	checkIDFormat(c, &h.Meta, h.ID)
	if h.Country != "" && !isoCountryRE.MatchString(h.Country) {
		c.add(h.PosOf("country"), Error, "invalid-value", "the ISO 3166-1 alpha-2 code in capitals, e.g. MA, JO, SN", "the territory's country %q is not a two-letter code", h.Country)
	}
	levelIdx := map[string]int{}
	for i, l := range h.Levels {
		if _, dup := levelIdx[l]; dup {
			c.errorf(h.ItemAt("levels", i), "duplicate-id", "level %q is listed twice", l)
		}
		levelIdx[l] = i
	}
	sources := map[string]bool{}
	for _, s := range h.Sources {
		checkSource(c, s)
		sources[s.ID] = true
	}
	ids := map[string]*TerritoryUnit{}
	for _, u := range f.Units {
		what := "territory unit " + quote(u.ID)
		requireText(c, &u.Meta, "id", u.ID, what)
		requireText(c, &u.Meta, "name", u.Name, what)
		checkIDFormat(c, &u.Meta, u.ID)
		if first, dup := ids[u.ID]; dup && u.ID != "" {
			c.add(u.PosOf("id"), Error, "duplicate-id", "first declared at "+first.Pos.String(), "id %q is declared twice", u.ID)
		} else {
			ids[u.ID] = u
		}
		if _, ok := levelIdx[u.Level]; !ok {
			c.add(u.PosOf("level"), Error, "unknown-territory-level", oneOf(u.Level, h.Levels), "%s has level %q, which `levels` does not list", what, u.Level)
		}
		for name, v := range u.AllFigures() {
			if v < 0 {
				c.errorf(u.PosOf(figureKey(name)), "negative-value", "%s: %s cannot be negative", what, name)
			}
		}
		if len(u.AllFigures()) > 0 {
			switch {
			case u.Source == "":
				c.add(u.Pos, Error, "missing-source", "add `source:` naming an entry of the territory's sources", "%s has figures but no source", what)
			case !sources[u.Source]:
				c.add(u.PosOf("source"), Error, "unknown-reference", suggest(u.Source, keysOf(sources)), "%s cites source %q, which the territory's sources do not list", what, u.Source)
			}
		}
	}
	for _, u := range f.Units {
		li, ok := levelIdx[u.Level]
		if !ok {
			continue
		}
		if u.Parent == "" {
			if li > 0 {
				c.add(u.Pos, Error, "missing-field", "add `parent:` with the id of a "+h.Levels[li-1], "territory unit %q (level %s) needs a parent", u.ID, u.Level)
			}
			continue
		}
		p, ok := ids[u.Parent]
		if !ok {
			c.add(u.PosOf("parent"), Error, "unknown-reference", suggest(u.Parent, keysOf(ids)), "territory unit %q has parent %q, which is not declared", u.ID, u.Parent)
			continue
		}
		if pi, ok := levelIdx[p.Level]; ok && pi >= li {
			c.errorf(u.PosOf("parent"), "invalid-parent", "territory unit %q (level %s) cannot have parent %q of level %s: parents sit on a higher level", u.ID, u.Level, p.ID, p.Level)
		}
	}
}

func figureKey(name string) string {
	if name == "population" || name == "households" {
		return name
	}
	return "figures"
}
