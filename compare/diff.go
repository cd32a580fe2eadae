package compare

import (
	"cmp"
	"slices"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// The kinds of change.
const (
	Added           = "added"
	Removed         = "removed"
	Changed         = "changed"
	Moved           = "moved"            // a unit's reportsTo changed
	Renamed         = "renamed"          // a unit kept its id and changed its name
	RenameCandidate = "rename-candidate" // a unit's id changed, its name and place did not
	Rescored        = "rescored"         // a risk's inherent or residual score changed
)

// changeOrder is the order of the kinds of change in a list.
var changeOrder = []string{Added, Removed, Moved, Renamed, RenameCandidate, Changed, Rescored}

// DiffOptions tune a diff.
type DiffOptions struct {
	Lang     string // of the findings' titles: fr (default) or en
	Analysis analysis.Options
}

// Diff is what changed from one version of a scenario to another.
type Diff struct {
	From       Version           `json:"from"`
	To         Version           `json:"to"`
	Units      []UnitChange      `json:"units"`
	Staff      []StaffDelta      `json:"staff"` // by tier, in the tiers' order, then the total
	Mandates   []RACIChange      `json:"mandates"`
	Chain      []RACIChange      `json:"chain"` // in the delivery chain's order
	Interfaces []InterfaceChange `json:"interfaces"`
	Risks      []RiskChange      `json:"risks"`
	Channels   []ItemChange      `json:"channels"`
}

// Version names one side of a diff.
type Version struct {
	Scenario string `json:"scenario"`
	Title    string `json:"title"`
	File     string `json:"file"`
}

// Empty reports whether nothing changed (the staff table always has rows).
func (d *Diff) Empty() bool {
	for _, s := range d.Staff {
		if s.Headcount.Delta != 0 || s.Payroll.Delta != 0 {
			return false
		}
	}
	return len(d.Units)+len(d.Mandates)+len(d.Chain)+len(d.Interfaces)+len(d.Risks)+len(d.Channels) == 0
}

// UnitChange is a unit added, removed, moved or renamed.
type UnitChange struct {
	Change       string `json:"change"`
	Unit         string `json:"unit"`              // the id (the new one for a rename candidate)
	OldUnit      string `json:"oldUnit,omitempty"` // rename candidate: the old id
	Name         string `json:"name"`              // the name (the old one for a removed unit)
	OldName      string `json:"oldName,omitempty"` // renamed
	Tier         string `json:"tier"`
	ReportsTo    string `json:"reportsTo,omitempty"`
	OldReportsTo string `json:"oldReportsTo,omitempty"` // moved
}

// StaffDelta is the headcount and payroll of a tier before and after.
type StaffDelta struct {
	Tier      string `json:"tier"` // a tier, or "total"
	Headcount Delta  `json:"headcount"`
	Payroll   Delta  `json:"payroll"`
}

// Delta is a figure before and after.
type Delta struct {
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Delta float64 `json:"delta"`
}

// TotalTier names the total row of the staff deltas.
const TotalTier = "total"

// RACIChange is a delivery-chain stage or a mandate whose accountable or
// responsible parties changed, or a mandate added or removed.
type RACIChange struct {
	Change             string   `json:"change"`
	Subject            string   `json:"subject"` // the stage, or the mandate's id
	Title              string   `json:"title,omitempty"`
	AccountableFrom    []string `json:"accountableFrom"`
	AccountableTo      []string `json:"accountableTo"`
	ResponsibleAdded   []string `json:"responsibleAdded"`
	ResponsibleRemoved []string `json:"responsibleRemoved"`
}

// InterfaceChange is an interface added, removed or changed.
type InterfaceChange struct {
	Change string        `json:"change"`
	ID     string        `json:"interface"`
	From   string        `json:"from"` // the systems it links
	To     string        `json:"to"`
	Fields []FieldChange `json:"fields"` // changed: what changed
}

// FieldChange is one field's old and new value.
type FieldChange struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// RiskChange is a risk added, removed or rescored.
type RiskChange struct {
	Change       string      `json:"change"`
	ID           string      `json:"risk"`
	Title        string      `json:"title"`
	Origin       string      `json:"origin"` // "register", or the rule's code for an open finding
	InherentFrom *risk.Score `json:"inherentFrom"`
	InherentTo   *risk.Score `json:"inherentTo"`
	ResidualFrom *risk.Score `json:"residualFrom"`
	ResidualTo   *risk.Score `json:"residualTo"`
}

// ItemChange is an item added or removed.
type ItemChange struct {
	Change string `json:"change"`
	ID     string `json:"id"`
	Name   string `json:"name"`
}

// DiffScenarios compares two resolved versions of a scenario.
func DiffScenarios(from, to *model.Resolved, opts DiffOptions) *Diff {
	af, at := analysis.Analyze(from, opts.Analysis), analysis.Analyze(to, opts.Analysis)
	d := &Diff{
		From:  Version{Scenario: from.Header.ID, Title: from.Header.Title, File: from.File},
		To:    Version{Scenario: to.Header.ID, Title: to.Header.Title, File: to.File},
		Units: diffUnits(from.Units, to.Units),
		Staff: diffStaff(from, to),
	}
	d.Mandates = diffMandates(af.RACI.Mandates, at.RACI.Mandates)
	d.Chain = diffChain(af.RACI.Stages, at.RACI.Stages)
	d.Interfaces = diffInterfaces(from.Interfaces, to.Interfaces)
	rf, _ := risk.Assess(from, af, risk.Options{Lang: opts.Lang})
	rt, _ := risk.Assess(to, at, risk.Options{Lang: opts.Lang})
	d.Risks = diffRisks(withOpenFindings(rf), withOpenFindings(rt))
	d.Channels = diffChannels(from.Channels, to.Channels)
	return d
}

func byID[T any](list []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		m[id(x)] = x
	}
	return m
}

// sortChanges orders changes by kind, then by key.
func sortChanges[T any](list []T, kind, key func(T) string) {
	slices.SortStableFunc(list, func(a, b T) int {
		return cmp.Or(cmp.Compare(slices.Index(changeOrder, kind(a)), slices.Index(changeOrder, kind(b))), cmp.Compare(key(a), key(b)))
	})
}

// place is where a unit sits: a unit with another id, the same name and the
// same place is a rename candidate.
func place(u *model.Unit) [4]string { return [4]string{u.ReportsTo, u.TierOrDefault(), u.Per, u.At} }

func diffUnits(from, to []*model.Unit) []UnitChange {
	out := []UnitChange{}
	old, cur := byID(from, func(x *model.Unit) string { return x.ID }), byID(to, func(x *model.Unit) string { return x.ID })
	var removed, added []*model.Unit
	for _, u := range from {
		if cur[u.ID] == nil {
			removed = append(removed, u)
		}
	}
	for _, u := range to {
		o := old[u.ID]
		if o == nil {
			added = append(added, u)
			continue
		}
		if o.ReportsTo != u.ReportsTo {
			out = append(out, UnitChange{Change: Moved, Unit: u.ID, Name: u.Name, Tier: u.TierOrDefault(), ReportsTo: u.ReportsTo, OldReportsTo: o.ReportsTo})
		}
		if o.Name != u.Name {
			out = append(out, UnitChange{Change: Renamed, Unit: u.ID, Name: u.Name, OldName: o.Name, Tier: u.TierOrDefault(), ReportsTo: u.ReportsTo})
		}
	}
	slices.SortFunc(removed, func(a, b *model.Unit) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(added, func(a, b *model.Unit) int { return cmp.Compare(a.ID, b.ID) })
	paired := map[*model.Unit]bool{}
	for _, r := range removed {
		i := slices.IndexFunc(added, func(a *model.Unit) bool { return !paired[a] && a.Name == r.Name && place(a) == place(r) })
		if i < 0 {
			out = append(out, UnitChange{Change: Removed, Unit: r.ID, Name: r.Name, Tier: r.TierOrDefault(), ReportsTo: r.ReportsTo})
			continue
		}
		a := added[i]
		paired[a] = true
		out = append(out, UnitChange{Change: RenameCandidate, Unit: a.ID, OldUnit: r.ID, Name: a.Name, Tier: a.TierOrDefault(), ReportsTo: a.ReportsTo})
	}
	for _, a := range added {
		if !paired[a] {
			out = append(out, UnitChange{Change: Added, Unit: a.ID, Name: a.Name, Tier: a.TierOrDefault(), ReportsTo: a.ReportsTo})
		}
	}
	sortChanges(out, func(c UnitChange) string { return c.Change }, func(c UnitChange) string { return c.Unit })
	return out
}

func diffStaff(from, to *model.Resolved) []StaffDelta {
	type sums struct{ headcount, payroll float64 }
	tally := func(r *model.Resolved) map[string]sums {
		m := map[string]sums{}
		for _, in := range r.Instances {
			tier := TotalTier
			if in.Unit != nil {
				tier = in.Unit.TierOrDefault()
			}
			for _, k := range []string{tier, TotalTier} {
				s := m[k]
				s.headcount += float64(in.Headcount)
				s.payroll += in.Payroll
				m[k] = s
			}
		}
		return m
	}
	a, b := tally(from), tally(to)
	out := []StaffDelta{}
	for _, tier := range append(slices.Clone(model.Tiers), TotalTier) {
		x, okx := a[tier]
		y, oky := b[tier]
		if !okx && !oky && tier != TotalTier {
			continue
		}
		out = append(out, StaffDelta{Tier: tier,
			Headcount: Delta{From: x.headcount, To: y.headcount, Delta: y.headcount - x.headcount},
			Payroll:   Delta{From: x.payroll, To: y.payroll, Delta: y.payroll - x.payroll}})
	}
	return out
}

// raciChange compares two RACI lines; ok is false when nothing changed.
func raciChange(subject, title string, accFrom, accTo, respFrom, respTo []string) (RACIChange, bool) {
	c := RACIChange{Change: Changed, Subject: subject, Title: title, AccountableFrom: sorted(accFrom), AccountableTo: sorted(accTo),
		ResponsibleAdded: minus(respTo, respFrom), ResponsibleRemoved: minus(respFrom, respTo)}
	same := slices.Equal(c.AccountableFrom, c.AccountableTo)
	return c, !same || len(c.ResponsibleAdded)+len(c.ResponsibleRemoved) > 0
}

func sorted(list []string) []string {
	out := slices.Clone(list)
	if out == nil {
		out = []string{}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// minus returns the items of a not in b, sorted.
func minus(a, b []string) []string {
	out := []string{}
	for _, x := range sorted(a) {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func one(s string) []string {
	if s == "" {
		return []string{}
	}
	return []string{s}
}

func diffMandates(from, to []analysis.MandateRACI) []RACIChange {
	out := []RACIChange{}
	old := byID(from, func(m analysis.MandateRACI) string { return m.Mandate })
	cur := byID(to, func(m analysis.MandateRACI) string { return m.Mandate })
	for _, m := range from {
		if _, ok := cur[m.Mandate]; !ok {
			out = append(out, RACIChange{Change: Removed, Subject: m.Mandate, Title: m.Title, AccountableFrom: one(m.Accountable),
				AccountableTo: []string{}, ResponsibleAdded: []string{}, ResponsibleRemoved: sorted(m.Responsible)})
		}
	}
	for _, m := range to {
		o, ok := old[m.Mandate]
		if !ok {
			out = append(out, RACIChange{Change: Added, Subject: m.Mandate, Title: m.Title, AccountableFrom: []string{},
				AccountableTo: one(m.Accountable), ResponsibleAdded: sorted(m.Responsible), ResponsibleRemoved: []string{}})
			continue
		}
		if c, changed := raciChange(m.Mandate, m.Title, one(o.Accountable), one(m.Accountable), o.Responsible, m.Responsible); changed {
			out = append(out, c)
		}
	}
	sortChanges(out, func(c RACIChange) string { return c.Change }, func(c RACIChange) string { return c.Subject })
	return out
}

func diffChain(from, to []analysis.StageRACI) []RACIChange {
	out := []RACIChange{}
	old := byID(from, func(s analysis.StageRACI) string { return s.Stage })
	for _, s := range to { // every stage, in the chain's order, on both sides
		o := old[s.Stage]
		if c, changed := raciChange(s.Stage, "", o.Accountable, s.Accountable, o.Responsible, s.Responsible); changed {
			out = append(out, c)
		}
	}
	return out
}

func diffInterfaces(from, to []*model.Interface) []InterfaceChange {
	out := []InterfaceChange{}
	old, cur := byID(from, func(x *model.Interface) string { return x.ID }), byID(to, func(x *model.Interface) string { return x.ID })
	for _, i := range from {
		if cur[i.ID] == nil {
			out = append(out, InterfaceChange{Change: Removed, ID: i.ID, From: i.From, To: i.To, Fields: []FieldChange{}})
		}
	}
	for _, i := range to {
		o := old[i.ID]
		if o == nil {
			out = append(out, InterfaceChange{Change: Added, ID: i.ID, From: i.From, To: i.To, Fields: []FieldChange{}})
			continue
		}
		var fields []FieldChange
		for _, f := range [][3]string{
			{"from", o.From, i.From}, {"to", o.To, i.To}, {"mode", o.Mode, i.Mode}, {"agreement", o.Agreement, i.Agreement},
			{"legalBasis", o.LegalBasis, i.LegalBasis}, {"personalData", yesNo(o.PersonalData), yesNo(i.PersonalData)},
		} {
			if f[1] != f[2] {
				fields = append(fields, FieldChange{Field: f[0], From: f[1], To: f[2]})
			}
		}
		if len(fields) > 0 {
			out = append(out, InterfaceChange{Change: Changed, ID: i.ID, From: i.From, To: i.To, Fields: fields})
		}
	}
	sortChanges(out, func(c InterfaceChange) string { return c.Change }, func(c InterfaceChange) string { return c.ID })
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// withOpenFindings is the register followed by the open findings, each as a
// risk of its rule (origin) at the rule's indicative levels: a finding that
// appears, goes or is triaged between two versions shows in the diff.
func withOpenFindings(a *risk.Assessment) []risk.Item {
	out := slices.Clone(a.Risks)
	for _, f := range a.FindingsWith(risk.Open) {
		out = append(out, risk.Item{ID: f.ID, Title: f.Title, Origin: f.Rule, Inherent: f.Indicative, Residual: f.Indicative})
	}
	return out
}

func diffRisks(from, to []risk.Item) []RiskChange {
	out := []RiskChange{}
	old := byID(from, func(it risk.Item) string { return it.ID })
	cur := byID(to, func(it risk.Item) string { return it.ID })
	for _, it := range from {
		if _, ok := cur[it.ID]; !ok {
			out = append(out, RiskChange{Change: Removed, ID: it.ID, Title: it.Title, Origin: it.Origin, InherentFrom: &it.Inherent, ResidualFrom: &it.Residual})
		}
	}
	for _, it := range to {
		o, ok := old[it.ID]
		switch {
		case !ok:
			out = append(out, RiskChange{Change: Added, ID: it.ID, Title: it.Title, Origin: it.Origin, InherentTo: &it.Inherent, ResidualTo: &it.Residual})
		case o.Inherent != it.Inherent || o.Residual != it.Residual:
			out = append(out, RiskChange{Change: Rescored, ID: it.ID, Title: it.Title, Origin: it.Origin,
				InherentFrom: &o.Inherent, InherentTo: &it.Inherent, ResidualFrom: &o.Residual, ResidualTo: &it.Residual})
		}
	}
	sortChanges(out, func(c RiskChange) string { return c.Change }, func(c RiskChange) string { return c.ID })
	return out
}

func diffChannels(from, to []*model.Channel) []ItemChange {
	out := []ItemChange{}
	old, cur := byID(from, func(x *model.Channel) string { return x.ID }), byID(to, func(x *model.Channel) string { return x.ID })
	for _, c := range from {
		if cur[c.ID] == nil {
			out = append(out, ItemChange{Change: Removed, ID: c.ID, Name: c.Name})
		}
	}
	for _, c := range to {
		if old[c.ID] == nil {
			out = append(out, ItemChange{Change: Added, ID: c.ID, Name: c.Name})
		}
	}
	sortChanges(out, func(c ItemChange) string { return c.Change }, func(c ItemChange) string { return c.ID })
	return out
}
