package report

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/model"
)

// Build makes the report of a set in a language (fr when empty, or en). diags
// are the set's diagnostics: each scenario shows those of its own files, the
// index those of the study file. Build reads the set and never changes it.
func Build(set *model.Set, diags model.Diagnostics, lang string) (*Report, error) {
	if set == nil {
		return nil, errors.New("report: no set to report on")
	}
	l, err := newLanguage(lang)
	if err != nil {
		return nil, err
	}
	r := &Report{Lang: l.code, Title: l.label("reportTitle")}
	if set.Study != nil {
		r.Study = buildStudy(set.Study, l)
		if r.Study.Title != "" {
			r.Title = r.Study.Title
		}
		r.Diagnostics = buildDiagnostics(diags, []string{set.StudyFile}, l)
	}
	pages := map[string]string{indexPage: "the index"}
	for _, res := range set.Scenarios {
		s := buildScenario(res, res == set.Baseline, diags, l)
		if err := checkPageName(s.Page); err != nil {
			return nil, fmt.Errorf("%s: scenario %q: %w", res.File, s.ID, err)
		}
		if other, dup := pages[s.Page]; dup {
			return nil, fmt.Errorf("%s: scenario %q would be written over %s: give it another id", res.File, s.ID, other)
		}
		pages[s.Page] = res.File
		r.Scenarios = append(r.Scenarios, s)
	}
	return r, nil
}

// indexPage is the name of the study's overview page.
const indexPage = "index"

// checkPageName refuses a page name that could leave the output folder or
// hide a file: it must be one plain path element.
func checkPageName(name string) error {
	switch {
	case name == "":
		return errors.New("an empty id cannot name a page")
	case name == "." || strings.Contains(name, ".."):
		return fmt.Errorf("%q cannot name a page: \"..\" would leave the folder", name)
	case strings.ContainsAny(name, `/\:`):
		return fmt.Errorf("%q cannot name a page: it contains a path separator", name)
	case strings.HasPrefix(name, "."):
		return fmt.Errorf("%q cannot name a page: it starts with a dot", name)
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return fmt.Errorf("%q cannot name a page: it contains a control character", name)
	}
	return nil
}

func buildStudy(st *model.Study, l *language) *Study {
	h := st.Header
	s := &Study{ID: h.ID, Title: h.Title, Client: h.Client, Date: l.date(h.Date), Summary: h.Summary, Recommendation: st.Recommendation}
	for _, f := range st.Findings {
		s.Findings = append(s.Findings, Finding{ID: f.ID, Title: f.Title, Stage: l.enum("stage", f.Stage),
			Severity: l.enum("severity", f.Severity), Evidence: f.Evidence, Source: cite(st.Sources, f.Source)})
	}
	names := map[string]string{}
	for _, sh := range st.Stakeholders {
		names[sh.ID] = sh.Name
		s.Stakeholders = append(s.Stakeholders, Stakeholder{Name: sh.Name, Group: sh.Group,
			Interest: l.enum("rating", sh.Interest), Influence: l.enum("rating", sh.Influence)})
	}
	for _, c := range st.Consultations {
		var who []string
		for _, p := range c.Participants {
			who = append(who, cmp.Or(names[p], p))
		}
		s.Consultations = append(s.Consultations, Consultation{Date: l.date(c.Date), Format: l.enum("consultFormat", c.Format),
			Participants: strings.Join(who, ", "), Topics: strings.Join(c.Topics, l.label("listSeparator")), Outcomes: c.Outcomes})
	}
	for _, d := range st.Decisions {
		s.Decisions = append(s.Decisions, Decision{Title: d.Title, Description: d.Description})
	}
	return s
}

func buildScenario(res *model.Resolved, baseline bool, diags model.Diagnostics, l *language) *Scenario {
	h := res.Header
	cur := h.Currency
	s := &Scenario{ID: h.ID, Page: h.ID, File: res.File, Title: cmp.Or(h.Title, h.ID), Summary: h.Summary,
		Baseline: baseline, Currency: cur}
	if h.Year != 0 {
		s.Year = strconv.Itoa(h.Year)
	}
	if t := res.Territory; t != nil {
		s.Territory = t.Territory.Name
	}
	s.Headcount = l.count(res.Headcount())
	s.Payroll = l.amount(res.Payroll(), cur)
	if in := res.Institution; in != nil {
		s.Institution = &Institution{
			LegalForm:         l.enum("legalForm", in.LegalForm),
			Supervision:       nameOf(res, in.Supervision, l),
			FinancialAutonomy: l.yesNo(in.FinancialAutonomy),
			StaffStatus:       l.enum("staffStatus", in.StaffStatus),
			Registry:          l.enum("registry", in.Registry),
			Payments:          l.enum("payments", in.Payments),
			Notes:             in.Notes,
		}
	}
	if st := res.Strategy; st != nil {
		s.Strategy = buildStrategy(st, res.Sources, l)
	}
	for _, p := range res.Prerequisites {
		pr := Prerequisite{Title: p.Title, Kind: l.enum("prerequisiteKind", p.Kind), Owner: nameOf(res, p.Owner, l), Description: p.Description}
		if p.Months > 0 {
			pr.Months = l.months(p.Months).Text
		}
		s.Prerequisites = append(s.Prerequisites, pr)
	}
	s.PrerequisiteCount = l.count(len(s.Prerequisites))
	if t := res.Transition; t != nil {
		s.Transition = &Transition{Cost: l.amount(t.Cost, cur), Months: l.months(t.Months), Notes: t.Notes}
	}
	for _, p := range res.Phases {
		s.Phases = append(s.Phases, Phase{Title: p.Title, Start: l.date(p.Start), End: l.date(p.End), Description: p.Description})
	}
	buildUnits(s, res, l)
	s.Diagnostics = buildDiagnostics(diags, res.Files, l)
	return s
}

func buildStrategy(st *model.Strategy, sources []*model.Source, l *language) *Strategy {
	out := &Strategy{Vision: st.Vision, Mission: st.Mission, Values: slices.Clone(st.Values)}
	arrow, _ := l.strings.Get("format", "arrow")
	for _, o := range st.Objectives {
		obj := Objective{Title: o.Title, Description: o.Description}
		for _, k := range o.Indicators {
			ind := Indicator{Title: k.Title, Unit: k.Unit, Source: cite(sources, k.Source)}
			if k.Baseline != nil || k.Target != nil {
				ind.Change = optNumber(k.Baseline, l) + " " + arrow + " " + optNumber(k.Target, l)
			}
			if k.Year != 0 {
				ind.Year = strconv.Itoa(k.Year)
			}
			obj.Indicators = append(obj.Indicators, ind)
		}
		out.Objectives = append(out.Objectives, obj)
	}
	return out
}

func optNumber(v *float64, l *language) string {
	if v == nil {
		return "—"
	}
	return l.number(*v, 2)
}

// buildUnits sums each unit template's instances, then each tier's.
func buildUnits(s *Scenario, res *model.Resolved, l *language) {
	generic := l.label("anyTerritory")
	type sum struct {
		instances, headcount int
		payroll              float64
	}
	tiers := map[string]*sum{}
	total := &sum{}
	for _, u := range res.Units {
		ins := res.InstancesOf(u.ID)
		var t sum
		for _, in := range ins {
			t.instances++
			t.headcount += in.Headcount
			t.payroll += in.Payroll
		}
		name := u.Name
		switch {
		case u.Replicated():
			name = strings.ReplaceAll(u.Name, "{territory}", generic)
		case len(ins) == 1:
			name = ins[0].Name
		}
		tier := u.TierOrDefault()
		s.Units = append(s.Units, UnitRow{ID: u.ID, Name: name, Kind: l.enum("unitKind", u.Kind), Tier: l.enum("tier", tier),
			Replicated: u.Replicated(), Instances: l.count(t.instances), Headcount: l.count(t.headcount), Payroll: l.amount(t.payroll, s.Currency)})
		if tiers[tier] == nil {
			tiers[tier] = &sum{}
		}
		for _, acc := range []*sum{tiers[tier], total} {
			acc.instances += t.instances
			acc.headcount += t.headcount
			acc.payroll += t.payroll
		}
	}
	row := func(name string, t *sum) TierRow {
		return TierRow{Tier: name, Instances: l.count(t.instances), Headcount: l.count(t.headcount), Payroll: l.amount(t.payroll, s.Currency)}
	}
	order := slices.Clone(model.Tiers)
	for _, u := range res.Units { // tiers outside the closed list (reported by validation) come last
		if t := u.TierOrDefault(); !slices.Contains(order, t) {
			order = append(order, t)
		}
	}
	for _, t := range order {
		if tiers[t] != nil {
			s.Tiers = append(s.Tiers, row(l.enum("tier", t), tiers[t]))
		}
	}
	s.Total = row(l.label("total"), total)
}

// nameOf returns the name of the actor, body or unit with the id, the id itself
// when it names nothing.
func nameOf(res *model.Resolved, id string, l *language) string {
	if id == "" {
		return ""
	}
	if id == model.Reserved {
		return l.label("agency")
	}
	e := res.Lookup(id)
	if e == nil {
		return id
	}
	switch it := e.Item.(type) {
	case *model.Actor:
		if it.ShortName != "" {
			return it.Name + " (" + it.ShortName + ")"
		}
		return it.Name
	case *model.Body:
		return it.Name
	case *model.Unit:
		return it.Name
	}
	return id
}

// buildDiagnostics keeps the diagnostics of the files, in their sorted order.
func buildDiagnostics(diags model.Diagnostics, files []string, l *language) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if !slices.Contains(files, d.File) {
			continue
		}
		out = append(out, Diagnostic{Severity: l.enum("diagnostic", d.Severity.String()), Where: d.Pos.String(),
			Message: d.Message, Code: d.Code, Hint: d.Hint})
	}
	return out
}

// cite resolves a `source:` field: the id of a declared source becomes its
// title and address; anything else is free text, kept as written.
func cite(sources []*model.Source, ref string) Citation {
	for _, s := range sources {
		if s.ID == ref && ref != "" {
			c := Citation{Text: s.Title}
			if u, err := url.Parse(s.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				c.URL = u.String()
			}
			return c
		}
	}
	return Citation{Text: ref}
}
