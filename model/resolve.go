package model

import (
	"path"
	"strings"
)

// Resolved is a scenario with its extends merged, its territory loaded and its
// units expanded into instances: what every analysis reads.
type Resolved struct {
	*Scenario
	File      string   // the scenario's own file
	Files     []string // the files it was built from: its own, what it extends, its territory
	Territory *Territory
	Instances []*Instance
	Index     map[string]*Entity

	knownCriteria map[string]bool // from Loader.Criteria
}

// Entity is one identified item of a resolved scenario.
type Entity struct {
	ID   string
	Kind string // unit, actor, body, channel, system, profile, phase, ...
	Pos  Pos
	Item any
}

// Scenario loads, merges, expands and validates the scenario file name. The
// result is nil only when the file could not be parsed; err is an I/O error.
func (l *Loader) Scenario(name string) (*Resolved, Diagnostics, error) {
	c := &diags{}
	merged, files, err := l.extended(name, c, nil)
	if err != nil || merged == nil {
		return nil, c.list.Sort(), err
	}
	r := &Resolved{Scenario: merged, File: name, Files: files, knownCriteria: l.Criteria}
	r.Territory = l.territoryOf(r, c)
	if r.Territory != nil {
		r.Files = append(r.Files, r.Territory.File)
	}
	index(r, c)
	expand(r, c)
	validate(r, c)
	for i := range c.list { // an item with no text of its own points at the file
		if c.list[i].File == "" {
			c.list[i].Pos = Pos{File: name, Line: 1, Col: 1}
		}
	}
	return r, c.list.Sort(), nil
}

// extended returns the scenario in name merged over what it extends.
func (l *Loader) extended(name string, c *diags, seen []string) (*Scenario, []string, error) {
	p := l.read(name, false)
	if p.err != nil {
		return nil, nil, p.err
	}
	c.list = append(c.list, p.diags...)
	if p.file == nil {
		return nil, nil, nil
	}
	if p.file.Kind != KindScenario {
		c.add(Pos{File: name, Line: 1, Col: 1}, Error, "wrong-kind", "", "expected a scenario file, found a %s file", p.file.Kind)
		return nil, nil, nil
	}
	own := p.file.Scenario
	ext := own.Header.Extends
	if ext == "" {
		if len(own.Remove) > 0 {
			c.add(own.PosOf("remove"), Error, "unknown-reference", "`remove` only applies with `extends`", "remove: nothing is inherited")
		}
		return own, []string{name}, nil
	}
	target := relative(name, ext)
	for _, s := range seen {
		if s == target || s == name {
			c.errorf(own.Header.PosOf("extends"), "extends-cycle", "extends %q leads back to %s", ext, name)
			return own, []string{name}, nil
		}
	}
	base, files, err := l.extended(target, c, append(seen, name))
	if err != nil {
		c.add(own.Header.PosOf("extends"), Error, "file-not-found", "the path is relative to this file", "cannot read %q: %v", ext, unwrapPathError(err.(*IOError).Err))
		return own, []string{name}, nil
	}
	if base == nil {
		return own, []string{name}, nil
	}
	if !base.Header.Partial {
		c.add(own.Header.PosOf("extends"), Warning, "extends-option", "mark the shared context `partial: true`",
			"%q is a full scenario, not a shared context", ext)
		c.say("extends-option", ext)
	}
	return merge(base, own, c), append([]string{name}, files...), nil
}

// territoryOf loads the territory the scenario names: a path relative to the
// scenario, a file of that name beside it, or an embedded territory.
func (l *Loader) territoryOf(r *Resolved, c *diags) *Territory {
	ref := r.Header.Territory
	if ref == "" {
		return nil
	}
	at := r.Header.PosOf("territory")
	type candidate struct {
		builtin bool
		name    string
	}
	var candidates []candidate
	if strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") || strings.Contains(ref, "/") {
		candidates = append(candidates, candidate{false, relative(at.File, ref)})
	} else {
		candidates = append(candidates, candidate{false, relative(at.File, ref+".yaml")})
		if l.Builtin != nil {
			candidates = append(candidates, candidate{true, path.Join(l.BuiltinDir, ref+".yaml")})
		}
	}
	for _, cand := range candidates {
		if t, ok := l.territories[cand.name]; ok {
			c.list = append(c.list, t.diags...)
			return t
		}
		p := l.read(cand.name, cand.builtin)
		if p.err != nil {
			continue
		}
		if p.file == nil {
			c.list = append(c.list, p.diags...)
			return nil
		}
		if p.file.Kind != KindTerritory {
			c.errorf(at, "wrong-kind", "territory %q is a %s file, not a territory file", ref, p.file.Kind)
			return nil
		}
		tc := &diags{list: append(Diagnostics(nil), p.diags...)}
		checkTerritory(p.file.Territory, tc)
		c.list = append(c.list, tc.list...)
		t := newTerritory(p.file.Territory, cand.name)
		t.diags = tc.list
		l.territories[cand.name] = t
		return t
	}
	c.add(at, Error, "territory-not-found", "name an embedded territory (e.g. morocco) or a territory file relative to this one",
		"territory %q not found", ref)
	return nil
}
