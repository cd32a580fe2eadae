// Package report writes the steering committee's decision pack.
//
// The pipeline has three steps, each usable on its own:
//
//   - Build turns a loaded model.Set into a Report: plain structs of text
//     already formatted for one language (numbers, dates, enumeration values)
//     and in a deterministic order, with each scenario's analysis (costs,
//     structure, RACI, capacity, systems, indicators, phases) and the DOT of
//     its charts.
//   - Render turns a Report into files in memory: Markdown from the embedded
//     templates, where every user text goes through one escaping helper and
//     fields documented as Markdown pass through; self-contained HTML pages
//     converted by goldmark (GFM, raw HTML omitted) with Unicode heading ids,
//     a table of contents and the charts inline; and the charts as SVG files
//     beside the Markdown (charts/*.svg).
//   - Write renders everything first, then writes the files atomically into a
//     folder; a failed render writes nothing.
//
// Each scenario page also sets the scenario beside other countries' agencies
// (benchmarks.Compare: the institutional frame, the indicators with their
// bases and the scenario's position, drawn as a small SVG of our own, the
// delivery chain stage by stage, the nearest peers, the lessons that apply,
// the countries' sources) and rates it against the international instruments
// (benchmarks.Scorecard); BuildOptions.Benchmarks says with what, the
// embedded countries and instruments by default. Then come its risks and
// mitigations (risk.Assess: the heat maps, inherent beside residual, drawn by
// risk.HeatmapSVG and inlined like the charts; the risks above the appetite;
// the register sorted by residual score, accepted findings included; the
// mitigations; the structural rules' findings, to triage with the rule's
// explanation and suggested mitigation, or dismissed with their reason; the
// loss simulation when BuildOptions.Simulate asks for one), and last the
// operationalisation phase by phase, the order the consultation asks for.
// The index sets each option's residual exposure, its high or critical
// residual risks and its open findings beside its other key figures.
//
// AnalysisMarkdown and WriteAnalysisText print the analysis sections alone,
// as Markdown (through the pages' templates) or as text tables for a terminal;
// BenchmarkMarkdown and WriteBenchmarkText the comparison and the scorecard.
package report

import (
	"github.com/orgdesign/orgdesign/chart"
	"github.com/orgdesign/orgdesign/model"
)

// Report is the decision pack's content, independent of the output format.
type Report struct {
	Lang        string      // the language of every text: fr or en
	Title       string      // the study's title, or a generic title without a study
	Study       *Study      // nil when the set has no study file
	Scenarios   []*Scenario // in the study's order
	Diagnostics []Diagnostic
	// Pack is the index's synthesis, ranking, recommendation warning and
	// annexes; nil only for a report not made by Build.
	Pack *Pack
	// BuildDiagnostics are the problems building found in the inputs beyond
	// loading them: an assumption the risk assessment cannot read (a
	// risk-appetite that names no level, calibration-* values out of range),
	// sorted, each once. Each also shows on its scenario's page; a command
	// writes nothing when one is an error.
	BuildDiagnostics model.Diagnostics
}

// prefetch starts laying the charts go-graphviz draws out in the background
// (chart.Prefetch), once per scenario; Release forgets them.
func (s *Scenario) prefetch(charts []ChartRef) {
	if s.release != nil {
		return
	}
	var dots [][]byte
	for _, c := range charts {
		if c.SVG == nil {
			dots = append(dots, c.DOT)
		}
	}
	if len(dots) > 0 {
		s.release = chart.Prefetch(dots)
	}
}

// Release forgets the chart layouts Build started in the background and
// Render has not used: Render releases them itself; a report built and not
// rendered should be released.
func (r *Report) Release() {
	if r == nil {
		return
	}
	for _, s := range r.Scenarios {
		if s.release != nil {
			s.release()
			s.release = nil
		}
	}
}

// Figure is a number with its text in the report's language.
type Figure struct {
	Value float64
	Text  string
}

// Study is what the committee decides with, besides the options.
type Study struct {
	ID             string
	Title          string
	Client         string
	Date           string
	Summary        string // Markdown
	Findings       []Finding
	Stakeholders   []Stakeholder
	Consultations  []Consultation
	Recommendation string // Markdown
	Decisions      []Decision
	Status         string // the study's status in words, saying whether the pack is interim; empty when it declares none
}

// Finding is one diagnostic finding on the current delivery chain.
type Finding struct {
	ID       string
	Title    string
	Stage    string
	Severity string
	Evidence string // Markdown
	Source   Citation
}

// Stakeholder is a party to the consultations.
type Stakeholder struct {
	Name      string
	Group     string
	Interest  string
	Influence string
}

// Consultation is one event of the participatory trail.
type Consultation struct {
	Date         string
	Format       string
	Participants string // names, comma-separated
	Topics       string
	Outcomes     string
}

// Decision is what the committee is asked to decide.
type Decision struct {
	Title       string
	Description string // Markdown
}

// Scenario is one option's page.
type Scenario struct {
	ID                string
	Page              string // the file name without extension
	File              string // the scenario's own file
	Title             string
	Summary           string // Markdown
	Baseline          bool
	Currency          string
	Year              string
	Territory         string
	Headcount         Figure
	Payroll           Figure
	Institution       *Institution
	Strategy          *Strategy
	Prerequisites     []Prerequisite
	PrerequisiteCount Figure
	Transition        *Transition
	Phases            []Phase
	Analysis          *Analysis
	Comparison        *Comparison  // the international comparison; nil without countries
	Scorecard         []Instrument // the international instruments' criteria; nil without instruments
	Risks             *Risks       // the register, the findings to triage and dismissed, the simulation (risk.Assess)
	Charts            []ChartRef   // none when built with NoCharts
	Diagnostics       []Diagnostic

	release func() // forgets the layouts started by prefetch
}

// Institution is the institutional frame, translated.
type Institution struct {
	LegalForm         string
	Supervision       string
	FinancialAutonomy string
	StaffStatus       string
	Registry          string
	Payments          string
	Notes             string // Markdown
}

// Strategy is the strategic framework.
type Strategy struct {
	Vision     string
	Mission    string
	Values     []string
	Objectives []Objective
}

// Objective is a strategic objective with its indicators.
type Objective struct {
	Title       string
	Description string // Markdown
	Indicators  []Indicator
}

// Indicator measures an objective: Change reads "baseline → target".
type Indicator struct {
	Title  string
	Unit   string
	Change string
	Year   string
	Source Citation
}

// Citation is where a figure comes from: a source's title and address when the
// text names a declared source, else the text as written.
type Citation struct {
	Text string
	URL  string // http or https only
}

// Prerequisite is what must happen before the option can exist.
type Prerequisite struct {
	Title       string
	Kind        string
	Months      string
	Owner       string
	Description string // Markdown
}

// Transition is the cost and duration of moving to the option.
type Transition struct {
	Cost   Figure
	Months Figure
	Notes  string // Markdown
}

// Phase is a step of the roadmap.
type Phase struct {
	Title       string
	Start       string
	End         string
	Description string // Markdown
}

// Diagnostic is a problem found in one of the files, for the reader.
type Diagnostic struct {
	Severity string
	Where    string // file:line:col
	Message  string
	Code     string
	Hint     string
}
