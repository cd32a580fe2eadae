package report

// Analysis is what the analysis sections of a scenario page show: the figures
// of analysis.Analyze, with names instead of ids and every number and
// closed-list value in the report's language. Lists of names are joined with
// the language's list separator.
type Analysis struct {
	Key        KeyFigures
	Costs      Costs
	Structure  Structure
	Chain      Chain
	Capacity   Capacity
	Systems    Systems
	Indicators []Row
	Phases     []PhaseFigures
	Budget     *Budget // the costs by year over the horizon
}

// KeyFigures are the figures the index sets side by side.
type KeyFigures struct {
	StaffPer10k Figure // staff per 10,000 households; Text "—" without households
	Offices     Figure
	CapacityGap Figure // staff short of the standards; Text with its share of the staff required
	RACIGaps    Figure // stages and mandates without accountable
	// ServicePoints counts every place a household is served in person;
	// Text the total, PointsByKind the kinds it has ("12 own offices, 225
	// partners' counters").
	ServicePoints Figure
	PointsByKind  string
}

// Row is a labelled value.
type Row struct {
	Label string
	Value string
}

// Costs are headcount, payroll and other costs by unit, tier, territory and profile.
type Costs struct {
	Units       []UnitRow
	Tiers       []GroupRow
	Territories []GroupRow // by top-level territory unit, the national level first
	Profiles    []ProfileRow
	Total       GroupRow
	Setup       Figure // units, channels and systems, besides staff
	Annual      Figure // idem, every year besides payroll
}

// UnitRow sums the instances of one unit template.
type UnitRow struct {
	ID         string
	Name       string // {territory} replaced by a generic word for replicated units
	Kind       string
	Tier       string
	Replicated bool
	Instances  Figure
	Headcount  Figure
	Payroll    Figure
	Setup      Figure // "—" when nil
	Annual     Figure
}

// GroupRow sums a group of unit instances: a tier, a territory unit, or all.
type GroupRow struct {
	Name      string
	Instances Figure
	Headcount Figure
	Payroll   Figure
	Setup     Figure
	Annual    Figure
}

// ProfileRow totals one HR profile.
type ProfileRow struct {
	Title       string
	FrontOffice bool
	Headcount   Figure
	Payroll     Figure
}

// Structure is the reporting tree: spans of control and layers.
type Structure struct {
	Units        Figure // instances
	Layers       Figure
	AverageSpan  Figure
	MaxSpan      Figure // the limit used
	Roots        string
	Distribution []SpanBucket
	OverSpan     []SpanRow
	Dotted       []DottedRow
}

// SpanBucket counts the units with a span of control.
type SpanBucket struct {
	Span  Figure
	Units Figure
}

// SpanRow is a unit instance above the span limit.
type SpanRow struct {
	Name         string
	Layer        Figure
	Subordinates Figure
}

// DottedRow is a functional (dotted) line between two units.
type DottedRow struct {
	From string
	To   string
}

// Chain is the RACI coverage of the delivery chain and of the mandates.
type Chain struct {
	Stages      []StageRow
	Gaps        string // stages without accountable; empty when none
	Overlaps    string // stages with several
	Mandates    []MandateRow
	MandateGaps string
	Idle        string // units with no role in any RACI
	Segregation string // parties accountable for stages to segregate, each with the stages
}

// StageRow is who does one delivery-chain stage.
type StageRow struct {
	Stage       string
	Accountable string
	Responsible string
	Consulted   string
	Informed    string
	Systems     string
	Channels    string
	Gap         bool // no accountable
	Overlap     bool // several
}

// MandateRow is one mandate's RACI.
type MandateRow struct {
	Title       string
	Function    string
	Accountable string
	Responsible string
	Gap         bool
}

// Capacity is the staff against the standards, and the channels by stage.
type Capacity struct {
	Standards        []StandardRow
	Planned          Figure
	Required         Figure
	Gap              Figure
	FrontOffice      Figure
	HouseholdsPerFOA Figure // "—" without front-office staff
	Groups           []CapacityGroup
	National         []ProfileGapRow
	Channels         []StageChannelsRow
}

// StandardRow is one service norm.
type StandardRow struct {
	Profile string
	Norm    string // "1 per 40,000 households"
	Tier    string // the tier it applies to, or the national level
}

// CapacityGroup is the places whose main unit is of one unit template
// (analysis.PlaceCapacity: the staff of a tier's units at one place pooled).
type CapacityGroup struct {
	Name      string
	Instances Figure
	Planned   Figure
	Required  Figure
	Gap       Figure // shortfall summed over the places short of staff
	Short     Figure // places short of staff
	Rows      []CapacityRow
}

// CapacityRow is one place, named after its main unit; rows come
// shortfalls first, largest first.
type CapacityRow struct {
	Name       string
	Households Figure
	Planned    Figure
	Required   Figure
	Gap        Figure // required - planned; positive is a shortfall
}

// ProfileGapRow is a national standard against the national headcount.
type ProfileGapRow struct {
	Profile  string
	Planned  Figure
	Required Figure
	Gap      Figure
}

// StageChannelsRow is the channels serving one stage.
type StageChannelsRow struct {
	Stage     string
	Channels  string   // each with its reach, joined
	Each      []string // each with its reach
	Uncovered string   // top-level territory units no channel reaches; empty when none
}

// Systems is the interoperability picture.
type Systems struct {
	Interfaces   Figure
	ByMode       []ModeRow
	PersonalData []IssueRow
	Manual       []IssueRow
	Dependencies []DependencyRow
}

// ModeRow counts the interfaces of one mode.
type ModeRow struct {
	Mode       string
	Interfaces Figure
}

// IssueRow is an interface with a problem.
type IssueRow struct {
	Interface string // id
	From      string
	To        string
	Mode      string
	Stages    string
	Problems  string
}

// DependencyRow is a system and the stages depending on it.
type DependencyRow struct {
	System   string
	Stages   string
	Count    Figure
	Critical bool
}

// PhaseFigures are the cumulative figures reached at a phase's start.
type PhaseFigures struct {
	Title     string
	Start     string
	Units     Figure
	Headcount Figure
	Payroll   Figure
	Offices   Figure
	Opens     string
}
