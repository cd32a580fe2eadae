package report

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// Build makes the report of a set in a language (fr when empty, or en). diags
// are the set's diagnostics: each scenario shows those of its own files, the
// index those of the study file. Build reads the set and never changes it.
func Build(set *model.Set, diags model.Diagnostics, lang string) (*Report, error) {
	return BuildWith(set, diags, lang, BuildOptions{})
}

// BuildOptions tune Build; the zero value is the full report.
type BuildOptions struct {
	Analysis analysis.Options // the analysis of each scenario (the span of control above which units are listed...)
	NoCharts bool             // leave the charts out (no DOT is drawn, no image referenced)
	// Benchmarks are what each scenario is compared with; nil: the embedded
	// countries and instruments. With no countries the page has no
	// international comparison, with no instruments no scorecard.
	Benchmarks *Benchmarks
	// Simulate, when above 0, draws that many years of losses for each
	// scenario's register (risk.Simulate, at most risk.MaxDraws), calibrated
	// by the scenario's calibration-* assumptions, else by the illustrative
	// defaults; Seed seeds it: the same seed gives the same pages.
	Simulate int
	Seed     uint64
}

// BuildWith is Build with options.
func BuildWith(set *model.Set, diags model.Diagnostics, lang string, opts BuildOptions) (_ *Report, err error) {
	if set == nil {
		return nil, errors.New("report: no set to report on")
	}
	l, err := NewLanguage(lang)
	if err != nil {
		return nil, err
	}
	if opts.Benchmarks == nil {
		if opts.Benchmarks, err = EmbeddedBenchmarks(); err != nil {
			return nil, err
		}
	}
	opts.Analysis = opts.Analysis.OnStudy(set.Study, set.Scenarios) // every option's costs on the study's basis
	r := &Report{Lang: l.code, Title: l.Label("reportTitle")}
	defer func() {
		if err != nil {
			r.Release()
		}
	}()
	if set.Study != nil {
		r.Study = buildStudy(set.Study, l)
		if r.Study.Title != "" {
			r.Title = r.Study.Title
		}
		r.Diagnostics = buildDiagnostics(diags, []string{set.StudyFile}, l)
	}
	pages := map[string]string{indexPage: "the index"}
	var assessed []*risk.Assessment
	var founds []model.Diagnostics
	for _, res := range set.Scenarios {
		if err := checkPageName(res.Header.ID); err != nil { // the page's name, and its charts'
			return nil, fmt.Errorf("%s: scenario %q: %w", res.File, res.Header.ID, err)
		}
		s, as, found, err := buildScenario(res, res == set.Baseline, l, opts)
		r.BuildDiagnostics = append(r.BuildDiagnostics, found...)
		if err != nil {
			return nil, fmt.Errorf("%s: scenario %q: %w", res.File, res.Header.ID, err)
		}
		r.Scenarios = append(r.Scenarios, s)
		assessed, founds = append(assessed, as), append(founds, found)
		if other, dup := pages[s.Page]; dup {
			return nil, fmt.Errorf("%s: scenario %q would be written over %s: give it another id", res.File, s.ID, other)
		}
		pages[s.Page] = res.File
	}
	// Triages naming a finding no scenario holding them produces: judged
	// over the set, shown on the pages of the files they are written in.
	triage := risk.CheckTriage(assessed)
	for i, s := range r.Scenarios {
		s.Diagnostics = buildDiagnostics(slices.Concat(diags, founds[i], triage).Sort(), set.Scenarios[i].Files, l)
	}
	r.BuildDiagnostics = append(r.BuildDiagnostics, triage...).Sort() // a shared context's assumption speaks once
	if r.Pack, err = buildPack(set, r, l, opts); err != nil {
		return nil, err
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

func buildStudy(st *model.Study, l *Language) *Study {
	h := st.Header
	s := &Study{ID: h.ID, Title: h.Title, Client: h.Client, Date: l.date(h.Date), Summary: h.Summary, Recommendation: st.Recommendation}
	if h.Status != "" {
		s.Status = l.Enum("studyStatus", h.Status)
	}
	for _, f := range st.Findings {
		s.Findings = append(s.Findings, Finding{ID: f.ID, Title: f.Title, Stage: l.Enum("stage", f.Stage),
			Severity: l.Enum("severity", f.Severity), Evidence: f.Evidence, Source: cite(st.Sources, f.Source)})
	}
	names := map[string]string{}
	for _, sh := range st.Stakeholders {
		names[sh.ID] = sh.Name
		s.Stakeholders = append(s.Stakeholders, Stakeholder{Name: sh.Name, Group: sh.Group,
			Interest: l.Enum("rating", sh.Interest), Influence: l.Enum("rating", sh.Influence)})
	}
	for _, c := range st.Consultations {
		var who []string
		for _, p := range c.Participants {
			who = append(who, cmp.Or(names[p], p))
		}
		s.Consultations = append(s.Consultations, Consultation{Date: l.date(c.Date), Format: l.Enum("consultFormat", c.Format),
			Participants: strings.Join(who, ", "), Topics: strings.Join(c.Topics, l.Label("listSeparator")), Outcomes: c.Outcomes})
	}
	for _, d := range st.Decisions {
		s.Decisions = append(s.Decisions, Decision{Title: d.Title, Description: d.Description})
	}
	return s
}

// buildScenario builds one scenario's page but its diagnostics (BuildWith
// adds them, with the set's triage); it returns the risk assessment and what
// the assessment found wrong in the scenario's assumptions.
func buildScenario(res *model.Resolved, baseline bool, l *Language, opts BuildOptions) (*Scenario, *risk.Assessment, model.Diagnostics, error) {
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
	n := newNamer(res, l)
	s.Headcount = l.Count(res.Headcount())
	s.Payroll = l.Amount(res.Payroll(), cur)
	if in := res.Institution; in != nil {
		s.Institution = &Institution{
			LegalForm:         l.Enum("legalForm", in.LegalForm),
			Supervision:       n.name(in.Supervision),
			FinancialAutonomy: l.yesNo(in.FinancialAutonomy),
			StaffStatus:       l.Enum("staffStatus", in.StaffStatus),
			Registry:          l.Enum("registry", in.Registry),
			Payments:          l.Enum("payments", in.Payments),
			Notes:             in.Notes,
		}
	}
	if st := res.Strategy; st != nil {
		s.Strategy = buildStrategy(st, res.Sources, l)
	}
	for _, p := range res.Prerequisites {
		pr := Prerequisite{Title: p.Title, Kind: l.Enum("prerequisiteKind", p.Kind), Owner: n.name(p.Owner), Description: p.Description}
		if p.Months > 0 {
			pr.Months = l.months(p.Months).Text
		}
		s.Prerequisites = append(s.Prerequisites, pr)
	}
	s.PrerequisiteCount = l.Count(len(s.Prerequisites))
	if t := res.Transition; t != nil {
		s.Transition = &Transition{Cost: l.Amount(t.Cost, cur), Months: l.months(t.Months), Notes: t.Notes}
	}
	for _, p := range res.Phases {
		s.Phases = append(s.Phases, Phase{Title: p.Title, Start: l.date(p.Start), End: l.date(p.End), Description: p.Description})
	}
	a := analysis.Analyze(res, opts.Analysis)
	var charts []ChartRef
	if !opts.NoCharts {
		// The charts first: they are laid out in the background while the
		// rest of the report is built and rendered.
		var err error
		if charts, err = buildCharts(res, a, n); err != nil {
			return nil, nil, nil, err
		}
		s.prefetch(charts)
	}
	s.Analysis = buildAnalysis(res, a, n)
	if b := opts.Benchmarks; b != nil {
		s.Comparison = buildComparison(res, a, n, b.Countries)
		s.Scorecard = buildScorecard(res, a, n, b.Instruments)
	}
	assessment, found := assessRisks(res, a, l.code, opts)
	s.Risks = buildRisks(assessment, n)
	if !opts.NoCharts {
		if s.Comparison != nil {
			if c, ok := positionChart(s, n.l); ok {
				charts = append(charts, c)
			}
		}
		s.Charts = append(charts, heatmapChart(s, assessment, l))
	}
	return s, assessment, found, nil
}

func buildStrategy(st *model.Strategy, sources []*model.Source, l *Language) *Strategy {
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

func optNumber(v *float64, l *Language) string {
	if v == nil {
		return "—"
	}
	return l.Number(*v, 2)
}

// buildDiagnostics keeps the diagnostics of the files, in their sorted order.
func buildDiagnostics(diags model.Diagnostics, files []string, l *Language) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if !slices.Contains(files, d.File) {
			continue
		}
		out = append(out, Diagnostic{Severity: l.Enum("diagnostic", d.Severity.String()), Where: d.Pos.String(),
			Message: l.say("diagnosticMessage", d.Say, d.Message), Code: d.Code, Hint: l.say("diagnosticHint", d.HintWords(), d.Hint)})
	}
	return out
}

// cite resolves a `source:` field: the id of a declared source becomes its
// title and address; anything else is free text, kept as written.
func cite(sources []*model.Source, ref string) Citation {
	for _, s := range sources {
		if s.ID == ref && ref != "" {
			return citation(s.Title, s.URL)
		}
	}
	return Citation{Text: ref}
}

// citation is a title linked to its address when that is an http or https URL.
func citation(title, address string) Citation {
	c := Citation{Text: title}
	if u, err := url.Parse(address); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		c.URL = u.String()
	}
	return c
}
