package model

import (
	"fmt"
	"slices"
	"strings"
)

// Reference kinds: which kinds of entity a reference may name.
var (
	anyParty   = []string{"actor", "unit", "body", "channel"}
	orgParty   = []string{"actor", "unit", "body"}
	unitOrBody = []string{"unit", "body"}
)

// checker validates one resolved scenario.
type checker struct {
	r *Resolved
	c *diags
}

// ref checks that id names an entity of one of the kinds (or `agency` when allowed).
func (k *checker) ref(p Pos, id string, kinds []string, agencyOK bool, what string) {
	if id == "" {
		return
	}
	if id == Reserved {
		if !agencyOK {
			k.c.errorf(p, "unknown-reference", "%s cannot be `agency` here", what)
		}
		return
	}
	e := k.r.Index[id]
	if e == nil {
		var cands []string
		for cid, ce := range k.r.Index {
			if slices.Contains(kinds, ce.Kind) {
				cands = append(cands, cid)
			}
		}
		if agencyOK {
			cands = append(cands, Reserved)
		}
		slices.Sort(cands)
		k.c.add(p, Error, "unknown-reference", suggest(id, cands), "%s: %q is not declared", what, id)
		return
	}
	if !slices.Contains(kinds, e.Kind) {
		k.c.add(p, Error, "wrong-reference", "", "%s: %q is a %s, expected %s", what, id, e.Kind, strings.Join(kinds, " or "))
	}
}

func (k *checker) refs(m *Meta, key string, ids []string, kinds []string, agencyOK bool, what string) {
	for i, id := range ids {
		k.ref(m.ItemAt(key, i), id, kinds, agencyOK, what)
	}
}

func (k *checker) phase(m *Meta, id, what string) {
	k.ref(m.PosOf("phase"), id, []string{"phase"}, false, what+" phase")
}

// validate checks a resolved scenario against the rules of format v1.
// Analysis findings (gaps, overlaps) are not validation errors.
func validate(r *Resolved, c *diags) {
	k := &checker{r: r, c: c}
	s := r.Scenario
	h := &s.Header
	requireText(c, &h.Meta, "id", h.ID, "the scenario")
	requireText(c, &h.Meta, "title", h.Title, "the scenario")
	checkIDFormat(c, &h.Meta, h.ID)
	if h.Year != 0 && (h.Year < 1900 || h.Year > 2200) {
		c.errorf(h.PosOf("year"), "out-of-range", "year %d is not a plausible target year", h.Year)
	}
	if in := s.Institution; in != nil {
		checkEnum(c, &in.Meta, "legalForm", in.LegalForm, LegalForms, "institution")
		checkEnum(c, &in.Meta, "staffStatus", in.StaffStatus, StaffStatuses, "institution")
		checkEnum(c, &in.Meta, "registry", in.Registry, RegistryModes, "institution")
		checkEnum(c, &in.Meta, "payments", in.Payments, PaymentModes, "institution")
		k.ref(in.PosOf("supervision"), in.Supervision, []string{"actor"}, false, "institution supervision")
	}
	for _, p := range s.Prerequisites {
		what := "prerequisite " + quote(p.ID)
		requireText(c, &p.Meta, "id", p.ID, what)
		requireText(c, &p.Meta, "title", p.Title, what)
		checkEnum(c, &p.Meta, "kind", p.Kind, PrerequisiteKind, what)
		checkNonNegative(c, &p.Meta, "months", float64(p.Months), what)
		k.ref(p.PosOf("owner"), p.Owner, orgParty, true, what+" owner")
	}
	if t := s.Transition; t != nil {
		checkNonNegative(c, &t.Meta, "cost", t.Cost, "transition")
		checkNonNegative(c, &t.Meta, "months", float64(t.Months), "transition")
	}
	if st := s.Strategy; st != nil {
		for _, o := range st.Objectives {
			what := "objective " + quote(o.ID)
			requireText(c, &o.Meta, "id", o.ID, what)
			requireText(c, &o.Meta, "title", o.Title, what)
			for _, ind := range o.Indicators {
				requireText(c, &ind.Meta, "id", ind.ID, "indicator "+quote(ind.ID))
				requireText(c, &ind.Meta, "title", ind.Title, "indicator "+quote(ind.ID))
			}
		}
	}
	for _, p := range s.Phases {
		what := "phase " + quote(p.ID)
		requireText(c, &p.Meta, "id", p.ID, what)
		requireText(c, &p.Meta, "title", p.Title, what)
		checkDate(c, &p.Meta, "start", p.Start, what)
		checkDate(c, &p.Meta, "end", p.End, what)
		if p.Start != "" && p.End != "" && p.End < p.Start {
			c.errorf(p.PosOf("end"), "out-of-range", "%s ends (%s) before it starts (%s)", what, p.End, p.Start)
		}
	}
	for _, m := range s.Mandates {
		what := "mandate " + quote(m.ID)
		requireText(c, &m.Meta, "id", m.ID, what)
		requireText(c, &m.Meta, "title", m.Title, what)
		checkEnum(c, &m.Meta, "function", m.Function, StagesAndFunctions(), what)
		k.raci(&m.Meta, &m.RACI, what)
	}
	for _, a := range s.Actors {
		what := "actor " + quote(a.ID)
		requireText(c, &a.Meta, "id", a.ID, what)
		requireText(c, &a.Meta, "name", a.Name, what)
		requireText(c, &a.Meta, "kind", a.Kind, what)
		checkEnum(c, &a.Meta, "kind", a.Kind, ActorKinds, what)
	}
	for _, b := range s.Bodies {
		what := "body " + quote(b.ID)
		requireText(c, &b.Meta, "id", b.ID, what)
		requireText(c, &b.Meta, "name", b.Name, what)
		requireText(c, &b.Meta, "kind", b.Kind, what)
		checkEnum(c, &b.Meta, "kind", b.Kind, BodyKinds, what)
		k.ref(b.PosOf("chair"), b.Chair, orgParty, false, what+" chair")
		k.refs(&b.Meta, "members", b.Members, orgParty, false, what+" member")
		k.ref(b.PosOf("reportsTo"), b.ReportsTo, orgParty, false, what+" reportsTo")
		checkNonNegative(c, &b.Meta, "independentMembers", float64(b.IndependentMembers), what)
		checkNonNegative(c, &b.Meta, "meetingsPerYear", float64(b.MeetingsPerYear), what)
	}
	k.units()
	for _, ch := range s.Channels {
		what := "channel " + quote(ch.ID)
		requireText(c, &ch.Meta, "id", ch.ID, what)
		requireText(c, &ch.Meta, "name", ch.Name, what)
		requireText(c, &ch.Meta, "kind", ch.Kind, what)
		checkEnum(c, &ch.Meta, "kind", ch.Kind, ChannelKinds, what)
		k.ref(ch.PosOf("operator"), ch.Operator, orgParty, true, what+" operator")
		k.place(&ch.Meta, ch.Per, ch.At, what)
		checkPoints(c, ch, what)
		checkEnumList(c, &ch.Meta, "stages", ch.Stages, Stages, what)
		k.phase(&ch.Meta, ch.Phase, what)
		k.cost(ch.Cost, what)
	}
	for _, rel := range s.Relations {
		what := fmt.Sprintf("relation %s → %s", rel.From, rel.To)
		requireText(c, &rel.Meta, "from", rel.From, "a relation")
		requireText(c, &rel.Meta, "to", rel.To, "a relation")
		requireText(c, &rel.Meta, "kind", rel.Kind, what)
		checkEnum(c, &rel.Meta, "kind", rel.Kind, RelationKinds, what)
		kinds := append(slices.Clone(anyParty), "system")
		k.ref(rel.PosOf("from"), rel.From, kinds, true, what)
		k.ref(rel.PosOf("to"), rel.To, kinds, true, what)
	}
	for _, e := range s.Chain {
		what := "chain entry " + quote(e.Stage)
		requireText(c, &e.Meta, "stage", e.Stage, "a chain entry")
		checkEnum(c, &e.Meta, "stage", e.Stage, Stages, "chain entry")
		k.raci(&e.Meta, &e.RACI, what)
		k.refs(&e.Meta, "systems", e.Systems, []string{"system"}, false, what+" system")
	}
	for _, p := range s.Profiles {
		what := "profile " + quote(p.ID)
		requireText(c, &p.Meta, "id", p.ID, what)
		requireText(c, &p.Meta, "title", p.Title, what)
		checkNonNegative(c, &p.Meta, "annualCost", p.AnnualCost, what)
	}
	if d := s.Demand; d != nil {
		checkNonNegative(c, &d.Meta, "households", d.Households, "demand")
		checkNonNegative(c, &d.Meta, "population", d.Population, "demand")
		checkNonNegative(c, &d.Meta, "benefitsPerYear", d.BenefitsPerYear, "demand")
		for _, st := range d.Standards {
			what := "standard for " + quote(st.Profile)
			requireText(c, &st.Meta, "profile", st.Profile, "a standard")
			k.ref(st.PosOf("profile"), st.Profile, []string{"profile"}, false, what)
			if st.OnePer <= 0 {
				c.errorf(st.PosOf("onePer"), "out-of-range", "%s: `onePer` must be a positive number", what)
			}
			checkEnum(c, &st.Meta, "of", st.Of, NormBases, what)
			checkEnum(c, &st.Meta, "tier", st.Tier, Tiers, what)
		}
	}
	for _, sy := range s.Systems {
		what := "system " + quote(sy.ID)
		requireText(c, &sy.Meta, "id", sy.ID, what)
		requireText(c, &sy.Meta, "name", sy.Name, what)
		checkEnum(c, &sy.Meta, "kind", sy.Kind, SystemKinds, what)
		k.ref(sy.PosOf("owner"), sy.Owner, orgParty, true, what+" owner")
		k.phase(&sy.Meta, sy.Phase, what)
		k.cost(sy.Cost, what)
		if co := sy.Continuity; co != nil {
			requireText(c, &co.Meta, "fallback", co.Fallback, what+" continuity")
			checkNonNegative(c, &co.Meta, "recoveryHours", co.RecoveryHours, what+" continuity")
		}
	}
	for _, in := range s.Interfaces {
		what := "interface " + quote(in.ID)
		requireText(c, &in.Meta, "id", in.ID, what)
		requireText(c, &in.Meta, "from", in.From, what)
		requireText(c, &in.Meta, "to", in.To, what)
		k.ref(in.PosOf("from"), in.From, []string{"system"}, false, what+" from")
		k.ref(in.PosOf("to"), in.To, []string{"system"}, false, what+" to")
		checkEnumList(c, &in.Meta, "stages", in.Stages, Stages, what)
		checkEnum(c, &in.Meta, "mode", in.Mode, InterfaceModes, what)
		checkEnum(c, &in.Meta, "agreement", in.Agreement, Agreements, what)
		k.phase(&in.Meta, in.Phase, what)
	}
	for _, a := range s.Assumptions {
		what := "assumption " + quote(a.ID)
		requireText(c, &a.Meta, "id", a.ID, what)
		requireText(c, &a.Meta, "text", a.Text, what)
	}
	k.risks()
	k.dismissed()
	for _, as := range s.Assessment {
		what := "assessment of " + quote(as.Criterion)
		requireText(c, &as.Meta, "criterion", as.Criterion, "an assessment")
		if as.Rating < 1 || as.Rating > 4 {
			c.add(as.PosOf("rating"), Error, "out-of-range", "1 latent, 2 emerging, 3 established, 4 advanced", "%s: rating %d is outside 1–4", what, as.Rating)
		}
		if r.knownCriteria != nil && as.Criterion != "" && !r.knownCriteria[as.Criterion] {
			c.add(as.PosOf("criterion"), Error, "unknown-reference", suggest(as.Criterion, keysOf(r.knownCriteria)),
				"%s: no international instrument has criterion %q", what, as.Criterion)
		}
	}
	for _, src := range s.Sources {
		checkSource(c, src)
	}
}

func (k *checker) raci(m *Meta, r *RACI, what string) {
	k.ref(m.PosOf("accountable"), r.Accountable, anyParty, true, what+" accountable")
	k.refs(m, "responsible", r.Responsible, anyParty, true, what+" responsible")
	k.refs(m, "consulted", r.Consulted, anyParty, true, what+" consulted")
	k.refs(m, "informed", r.Informed, anyParty, true, what+" informed")
}

func (k *checker) cost(cost *Cost, what string) {
	if cost == nil {
		return
	}
	checkNonNegative(k.c, &cost.Meta, "setup", cost.Setup, what+" cost")
	checkNonNegative(k.c, &cost.Meta, "annual", cost.Annual, what+" cost")
}

// place checks `per` and `at` against the territory.
func (k *checker) place(m *Meta, per, at, what string) {
	if per == "" && at == "" {
		return
	}
	if per != "" && at != "" {
		k.c.errorf(m.PosOf("at"), "conflicting-fields", "%s has both `per` and `at`: replicate it or place it, not both", what)
		return
	}
	t := k.r.Territory
	if t == nil {
		key := "per"
		if at != "" {
			key = "at"
		}
		k.c.add(m.PosOf(key), Error, "no-territory", "add `territory:` to the scenario header", "%s uses `%s` but the scenario names no territory", what, key)
		return
	}
	if per != "" && !t.HasLevel(per) {
		k.c.add(m.PosOf("per"), Error, "unknown-territory-level", oneOf(per, t.Territory.Levels),
			"%s: territory %q has no level %q", what, t.Territory.ID, per)
	}
	if at != "" && t.Unit(at) == nil {
		k.c.add(m.PosOf("at"), Error, "unknown-territory-unit", suggest(at, keysOf(t.byID)),
			"%s: territory %q has no unit %q", what, t.Territory.ID, at)
	}
}

func (k *checker) units() {
	r, c := k.r, k.c
	roots := 0
	var firstRoot *Unit
	for _, u := range r.Units {
		what := "unit " + quote(u.ID)
		requireText(c, &u.Meta, "id", u.ID, what)
		requireText(c, &u.Meta, "name", u.Name, what)
		requireText(c, &u.Meta, "kind", u.Kind, what)
		checkEnum(c, &u.Meta, "kind", u.Kind, UnitKinds, what)
		checkEnum(c, &u.Meta, "tier", u.Tier, Tiers, what)
		k.ref(u.PosOf("reportsTo"), u.ReportsTo, unitOrBody, false, what+" reportsTo")
		if u.ReportsTo == u.ID && u.ID != "" {
			c.errorf(u.PosOf("reportsTo"), "reporting-cycle", "%s reports to itself", what)
		}
		k.refs(&u.Meta, "functionalTo", u.FunctionalTo, []string{"unit"}, false, what+" functionalTo")
		k.place(&u.Meta, u.Per, u.At, what)
		k.phase(&u.Meta, u.Phase, what)
		k.cost(u.Cost, what)
		for i, line := range u.Staff {
			lw := fmt.Sprintf("staff line %d of %s", i+1, what)
			requireText(c, &line.Meta, "profile", line.Profile, lw)
			k.ref(line.PosOf("profile"), line.Profile, []string{"profile"}, false, lw+" profile")
			k.phase(&line.Meta, line.Phase, lw)
			checkNonNegative(c, &line.Meta, "count", float64(line.Count), lw)
			switch {
			case line.Meta.Has("count") && line.Meta.Has("onePer"):
				c.errorf(line.PosOf("onePer"), "invalid-staff-line", "%s has both `count` and `onePer`: a line is a fixed count or a norm", lw)
			case !line.Meta.Has("count") && !line.Meta.Has("onePer"):
				c.add(line.Pos, Error, "invalid-staff-line", "e.g. { profile: gestionnaire, count: 10 } or { profile: gestionnaire, onePer: 40000, of: households }",
					"%s needs `count` or `onePer`", lw)
			case line.Meta.Has("onePer"):
				if line.OnePer <= 0 {
					c.errorf(line.PosOf("onePer"), "out-of-range", "%s: `onePer` must be a positive number", lw)
				}
				checkEnum(c, &line.Meta, "of", line.Of, NormBases, lw)
				if r.Demand == nil {
					c.add(line.PosOf("onePer"), Error, "no-demand", "add a `demand:` section with households", "%s is a norm but the scenario declares no demand", lw)
				}
			case line.Meta.Has("of"):
				c.errorf(line.PosOf("of"), "invalid-staff-line", "%s: `of` goes with `onePer`", lw)
			}
		}
		if u.ReportsTo == "" {
			roots++
			if roots == 1 {
				firstRoot = u
			} else {
				c.add(u.Pos, Warning, "multiple-roots", "give it `reportsTo`", "%s has no superior, like %q: the structure has several roots", what, firstRoot.ID)
				c.say("multiple-roots", u.ID, firstRoot.ID)
			}
		}
	}
	k.cycles()
	if d := r.Demand; d != nil && d.Distribution != "" && r.Territory != nil {
		known := false
		for _, u := range r.Territory.Units {
			if _, ok := u.AllFigures()[d.Distribution]; ok {
				known = true
				break
			}
		}
		if !known {
			c.add(d.PosOf("distribution"), Error, "unknown-value", "population, households or a figure every territory unit carries",
				"demand distribution %q: territory %q carries no such figure", d.Distribution, r.Territory.Territory.ID)
		}
	}
}

// cycles reports reporting lines that loop back, once per cycle, at the unit
// written last in the file order of the cycle.
func (k *checker) cycles() {
	next := map[string]string{}
	for _, u := range k.r.Units {
		if k.r.Unit(u.ReportsTo) != nil && u.ReportsTo != u.ID {
			next[u.ID] = u.ReportsTo
		}
	}
	state := map[string]int{} // 0 new, 1 on path, 2 done
	for _, u := range k.r.Units {
		var path []string
		id := u.ID
		for id != "" && state[id] == 0 {
			state[id] = 1
			path = append(path, id)
			id = next[id]
		}
		if id != "" && state[id] == 1 {
			i := slices.Index(path, id)
			loop := path[i:]
			last := k.r.Unit(loop[len(loop)-1])
			c := append(slices.Clone(loop), loop[0])
			k.c.errorf(last.PosOf("reportsTo"), "reporting-cycle", "reporting lines loop: %s", strings.Join(c, " → "))
		}
		for _, p := range path {
			state[p] = 2
		}
	}
}

func (k *checker) risks() {
	c := k.c
	for _, rk := range k.r.Risks {
		what := "risk " + quote(rk.ID)
		requireText(c, &rk.Meta, "id", rk.ID, what)
		requireText(c, &rk.Meta, "title", rk.Title, what)
		requireText(c, &rk.Meta, "category", rk.Category, what)
		checkEnum(c, &rk.Meta, "category", rk.Category, RiskCategories, what)
		k.ref(rk.PosOf("owner"), rk.Owner, orgParty, true, what+" owner")
		for _, key := range []string{"likelihood", "impact"} {
			l := rk.Likelihood
			if key == "impact" {
				l = rk.Impact
			}
			if !rk.Meta.Has(key) {
				c.add(rk.Pos, Error, "missing-field", "a level from 1 to 5", "%s needs `%s`", what, key)
				continue
			}
			for _, v := range []int{l.Low, l.Likely, l.High} {
				if v < 1 || v > 5 {
					c.add(rk.PosOf(key), Error, "out-of-range", "levels go from 1 (rare, minor) to 5 (almost certain, severe)", "%s: %s %d is outside 1–5", what, key, v)
					break
				}
			}
			if l.Triangular && !(l.Low <= l.Likely && l.Likely <= l.High) {
				c.errorf(rk.PosOf(key), "out-of-range", "%s: %s needs low ≤ likely ≤ high", what, key)
			}
		}
		if rk.Finding != "" && !ValidID(rk.Finding) {
			c.add(rk.PosOf("finding"), Error, "invalid-id", "a finding's id is its rule's code and its subject, as `orgdesign risk` lists it, e.g. critical-system-si-asd",
				"%s: finding %q is not a finding id", what, rk.Finding)
		}
		for _, m := range rk.Mitigations {
			mw := "mitigation " + quote(m.ID)
			requireText(c, &m.Meta, "id", m.ID, mw)
			requireText(c, &m.Meta, "title", m.Title, mw)
			requireText(c, &m.Meta, "reduces", m.Reduces, mw)
			checkEnum(c, &m.Meta, "reduces", m.Reduces, Reduces, mw)
			checkEnum(c, &m.Meta, "status", m.Status, Statuses, mw)
			if m.By < 0 || m.By > 4 {
				c.errorf(m.PosOf("by"), "out-of-range", "%s: `by` must be from 0 to 4 levels", mw)
			}
			checkNonNegative(c, &m.Meta, "cost", m.Cost, mw)
			checkNonNegative(c, &m.Meta, "annual", m.Annual, mw)
			k.phase(&m.Meta, m.Phase, mw)
			k.ref(m.PosOf("owner"), m.Owner, orgParty, true, mw+" owner")
		}
	}
}

// dismissed checks the findings set aside: each names a finding once, with
// a reason, and is not also accepted by a register risk. Whether the rules
// still produce the finding is the risk assessment's to say.
func (k *checker) dismissed() {
	c := k.c
	accepted := map[string]string{}
	for _, rk := range k.r.Risks {
		if rk.Finding != "" {
			if other, dup := accepted[rk.Finding]; dup {
				c.errorf(rk.PosOf("finding"), "duplicate-id", "risk %q accepts finding %q, already accepted by risk %q", rk.ID, rk.Finding, other)
				continue
			}
			accepted[rk.Finding] = rk.ID
		}
	}
	seen := map[string]bool{}
	for _, d := range k.r.Dismissed {
		what := "dismissed finding " + quote(d.Finding)
		requireText(c, &d.Meta, "finding", d.Finding, "a dismissed finding")
		requireText(c, &d.Meta, "reason", d.Reason, what)
		if d.Finding == "" {
			continue
		}
		if !ValidID(d.Finding) {
			c.add(d.PosOf("finding"), Error, "invalid-id", "a finding's id is its rule's code and its subject, as `orgdesign risk` lists it", "%q is not a finding id", d.Finding)
		}
		if seen[d.Finding] {
			c.errorf(d.PosOf("finding"), "duplicate-id", "finding %q is dismissed twice", d.Finding)
		}
		seen[d.Finding] = true
		if rk, ok := accepted[d.Finding]; ok {
			c.add(d.PosOf("finding"), Error, "conflicting-fields", "accept it (a register risk with `finding:`) or dismiss it, not both",
				"finding %q is dismissed and accepted by risk %q", d.Finding, rk)
		}
	}
}

// checkPoints checks a channel's number of physical points: not negative,
// and only where households come in person (a digital channel or a call
// centre has none: the figure would be ignored).
func checkPoints(c *diags, ch *Channel, what string) {
	if ch.Points == nil {
		return
	}
	checkNonNegative(c, &ch.Meta, "points", float64(*ch.Points), what)
	if !ch.InPerson() {
		c.add(ch.PosOf("points"), Warning, "ignored-field", "remove `points`, or give the channel an in-person kind such as partner-counter or mobile-unit", "%s is a %s channel: `points` counts places households come to in person and is ignored", what, ch.Kind)
		c.say("points-ignored", ch.ID, ch.Kind)
	}
}
