// Package analysis computes the figures a consultant checks first from one
// resolved scenario: headcount and costs, spans and layers, RACI coverage of
// the delivery chain and of mandates, capacity against demand and standards,
// channels, interoperability, benchmark indicators, and figures by phase.
// Every figure is computed from the scenario; nothing here reads files,
// prints or formats text.
package analysis

// Options tune the analysis.
type Options struct {
	MaxSpan        int // spans of control above this are listed (default 10)
	CriticalStages int // a system at least this many stages depend on is critical (default 3)
	// Horizon is the period the costs are laid out over (Analysis.Budget);
	// the zero value starts with the scenario's first phase, else its year.
	// A study's options share one: StudyHorizon.
	Horizon Horizon
}

// Analysis is everything computed for one scenario.
type Analysis struct {
	Scenario   string         `json:"scenario"`
	Title      string         `json:"title"`
	Currency   string         `json:"currency,omitempty"`
	Costs      Costs          `json:"costs"`
	Structure  Structure      `json:"structure"`
	RACI       RACI           `json:"raci"`
	Capacity   Capacity       `json:"capacity"`
	Systems    Systems        `json:"systems"`
	Indicators Indicators     `json:"indicators"`
	Phases     []PhaseFigures `json:"phases"`
	Budget     Budget         `json:"budget"` // the costs by calendar year over the horizon
}

// Costs are headcount, payroll and other costs, in total and by dimension.
type Costs struct {
	Headcount   int           `json:"headcount"`
	Payroll     float64       `json:"payroll"`
	Setup       float64       `json:"setupCost"`  // units, channels and systems, besides staff
	Annual      float64       `json:"annualCost"` // units, channels, systems and mitigations, every year besides payroll
	ByUnit      []UnitCost    `json:"byUnit"`
	ByTier      []GroupCost   `json:"byTier"`
	ByProfile   []ProfileCost `json:"byProfile"`
	ByTerritory []GroupCost   `json:"byTerritory"` // by top-level territory unit; NationalKey for central units
}

// UnitCost is one unit template with all its instances.
type UnitCost struct {
	Unit      string  `json:"unit"`
	Name      string  `json:"name"`
	Kind      string  `json:"kind"`
	Tier      string  `json:"tier"`
	Per       string  `json:"per,omitempty"`
	Instances int     `json:"instances"`
	Headcount int     `json:"headcount"`
	Payroll   float64 `json:"payroll"`
	Setup     float64 `json:"setupCost"`
	Annual    float64 `json:"annualCost"`
}

// GroupCost totals a group of instances (a tier, a territory unit).
type GroupCost struct {
	Key       string  `json:"key"`
	Name      string  `json:"name"`
	Instances int     `json:"instances"`
	Headcount int     `json:"headcount"`
	Payroll   float64 `json:"payroll"`
	Setup     float64 `json:"setupCost"`
	Annual    float64 `json:"annualCost"`
}

// ProfileCost totals one HR profile.
type ProfileCost struct {
	Profile     string  `json:"profile"`
	Title       string  `json:"title"`
	FrontOffice bool    `json:"frontOffice,omitempty"`
	Headcount   int     `json:"headcount"`
	Payroll     float64 `json:"payroll"`
}

// Structure describes the reporting tree of unit instances.
type Structure struct {
	Units        int      `json:"units"` // instances
	Layers       int      `json:"layers"`
	Roots        []string `json:"roots"`
	AverageSpan  float64  `json:"averageSpan"` // over units with subordinates
	MaxSpan      int      `json:"maxSpan"`     // the limit used
	Distribution []Bucket `json:"spanDistribution"`
	OverSpan     []Span   `json:"overSpan"` // instances above the limit, widest first
	Dotted       []Dotted `json:"dottedLines"`
}

// Bucket counts the units with a given span of control.
type Bucket struct {
	Span  int `json:"span"`
	Units int `json:"units"`
}

// Span is the number of direct subordinates of one instance.
type Span struct {
	Unit         string `json:"unit"` // instance id
	Name         string `json:"name"`
	Layer        int    `json:"layer"` // 1 for a root
	Subordinates int    `json:"subordinates"`
}

// Dotted is a functional (dotted) line between unit templates.
type Dotted struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// RACI is the coverage of the delivery chain and of the mandates.
type RACI struct {
	Stages      []StageRACI   `json:"stages"`
	Mandates    []MandateRACI `json:"mandates"`
	Gaps        []string      `json:"gaps"`        // stages with no accountable
	Overlaps    []string      `json:"overlaps"`    // stages with several accountables
	MandateGaps []string      `json:"mandateGaps"` // mandates with no accountable
	Idle        []string      `json:"idleUnits"`   // unit templates with no role in any RACI
	Segregation []Conflict    `json:"segregation"` // one party accountable for incompatible stages
}

// StageRACI is who does one delivery-chain stage, merged over its entries.
type StageRACI struct {
	Stage       string   `json:"stage"`
	Accountable []string `json:"accountable"`
	Responsible []string `json:"responsible"`
	Consulted   []string `json:"consulted"`
	Informed    []string `json:"informed"`
	Systems     []string `json:"systems"`
	Channels    []string `json:"channels"` // channels serving the stage
	Gap         bool     `json:"gap"`
	Overlap     bool     `json:"overlap"`
}

// MandateRACI is the RACI of one mandate.
type MandateRACI struct {
	Mandate     string   `json:"mandate"`
	Title       string   `json:"title"`
	Function    string   `json:"function,omitempty"`
	Accountable string   `json:"accountable,omitempty"`
	Responsible []string `json:"responsible"`
	Gap         bool     `json:"gap"`
}

// Conflict is one party accountable for stages that should be segregated
// (deciding eligibility and hearing the grievances against that decision).
type Conflict struct {
	Party  string   `json:"party"`
	Stages []string `json:"stages"`
}

// Capacity compares staff with what the demand and the standards call for.
type Capacity struct {
	// Places are the places a tier's standards apply to, one per tier and
	// place, in order of their first unit.
	Places   []PlaceCapacity `json:"places"`
	National []ProfileGap    `json:"national"` // standards without a tier, against national totals
	Planned  int             `json:"planned"`
	Required int             `json:"required"`
	Gap      int             `json:"gap"` // the shortfalls: places short of staff plus national standards not met
	// GapShare is Gap over Required: the share of the staff the standards
	// call for that is missing, 0–1; nil when the standards require no one.
	GapShare         *float64        `json:"gapShare"`
	FrontOffice      int             `json:"frontOfficeHeadcount"`
	HouseholdsPerFOA float64         `json:"householdsPerFrontOfficeAgent"` // 0 without front office
	Channels         []StageChannels `json:"channels"`
}

// PlaceCapacity is one place held against the standards of one tier. The
// units of that tier at that place (or, unplaced, at the centre) share the
// place's demand: their planned staff is pooled and each standard's
// requirement counted once, so an idle sub-unit added at the same tier and
// place changes nothing.
type PlaceCapacity struct {
	Tier  string   `json:"tier"`
	Place string   `json:"place"` // the territory unit; empty at the centre
	Units []string `json:"units"` // the instances pooled, in declaration order
	// Main is the unit that answers for the place: the most staff planned,
	// the first declared on a tie; Template and Name are its.
	Main       string       `json:"main"`
	Template   string       `json:"template"`
	Name       string       `json:"name"`
	Households float64      `json:"households"`
	Population float64      `json:"population"`
	Planned    int          `json:"planned"`
	Required   int          `json:"required"`
	Gap        int          `json:"gap"` // required - planned; positive is a shortfall
	Profiles   []ProfileGap `json:"profiles"`
}

// ProfileGap is the planned and required headcount of one profile.
type ProfileGap struct {
	Profile  string `json:"profile"`
	Planned  int    `json:"planned"`
	Required int    `json:"required"`
	Gap      int    `json:"gap"`
}

// StageChannels lists the channels serving one stage and their reach.
type StageChannels struct {
	Stage     string         `json:"stage"`
	Channels  []ChannelReach `json:"channels"`
	Uncovered []string       `json:"uncovered"` // top-level territory units no channel reaches
}

// ChannelReach is where one channel is present.
type ChannelReach struct {
	Channel string `json:"channel"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Reach   string `json:"reach"`  // "national", a territory level, or a territory unit id
	Points  int    `json:"points"` // physical points (instances, or as declared); 0 for a national or digital channel without declared points
	// Declared says Points is the channel's own `points`, not its instances.
	Declared bool `json:"pointsDeclared,omitempty"`
}

// Systems is the interoperability picture.
type Systems struct {
	Interfaces   int               `json:"interfaces"`
	ByMode       []ModeCount       `json:"byMode"`
	PersonalData []InterfaceIssue  `json:"personalDataIssues"` // personal data crossing the agency's boundary without signed agreement or legal basis
	Manual       []InterfaceIssue  `json:"manualOnChain"`      // manual or file exchanges on delivery-chain stages
	Dependencies []StageDependency `json:"dependencies"`       // systems by number of stages depending on them (chain entries and interfaces crossing the boundary)
	Critical     []string          `json:"critical"`           // systems at or above the critical threshold
}

// ModeCount counts interfaces of one mode.
type ModeCount struct {
	Mode       string `json:"mode"`
	Interfaces int    `json:"interfaces"`
}

// InterfaceIssue is one interface with a problem.
type InterfaceIssue struct {
	Interface string   `json:"interface"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Mode      string   `json:"mode,omitempty"`
	Stages    []string `json:"stages,omitempty"`
	Problems  []string `json:"problems"` // no-signed-agreement, no-legal-basis, manual, file
	// BoundaryUnknown: a system at one end has no owner, so whether the
	// exchange leaves the agency is unknown; it is treated as crossing.
	BoundaryUnknown bool `json:"boundaryUnknown,omitempty"`
}

// StageDependency is a system and the stages that depend on it.
type StageDependency struct {
	System     string   `json:"system"`
	Name       string   `json:"name"`
	Stages     []string `json:"stages"`
	Continuity bool     `json:"continuity"` // the system declares a continuity arrangement
}

// Indicators are the figures the benchmark comparison uses.
type Indicators struct {
	Households            float64 `json:"households"`
	Population            float64 `json:"population"`
	StaffPer10kHouseholds float64 `json:"staffPer10kHouseholds"`
	Offices               int     `json:"offices"` // the agency's own territorial units and office channels
	OfficesPerMillion     float64 `json:"officesPerMillionInhabitants"`
	TerritorialShare      float64 `json:"territorialStaffShare"` // headcount outside the central tier, 0–1
	// AdminShare is the administrative cost share: the running cost of a
	// full year with everything open (payroll and the annual costs of units,
	// channels, systems and mitigations) over the benefits paid in a year
	// (demand.benefitsPerYear); nil when the benefits are not declared.
	AdminShare        *float64 `json:"adminShare"`
	BoardSize         int      `json:"boardSize"`
	IndependentShare  float64  `json:"independentMemberShare"` // 0–1
	TerritorialTiers  []string `json:"territorialTiers"`
	LegalForm         string   `json:"legalForm,omitempty"`
	Supervision       string   `json:"supervision,omitempty"`
	FinancialAutonomy bool     `json:"financialAutonomy"`
	StaffStatus       string   `json:"staffStatus,omitempty"`
	Registry          string   `json:"registry,omitempty"`
	Payments          string   `json:"payments,omitempty"`
	// ServicePoints counts every place a household can be served in person:
	// the own offices, partners' counters and mobile units. Payment agents'
	// points are listed in ServicePointsByKind (every kind of
	// ServicePointKinds, in its order) but not counted (ServicePointCounted).
	ServicePoints       int          `json:"servicePoints"`
	ServicePointsByKind []KindPoints `json:"servicePointsByKind"`
}

// KindPoints is the number of service points of one kind.
type KindPoints struct {
	Kind   string `json:"kind"`
	Points int    `json:"points"`
}

// PhaseFigures are the cumulative figures reached at the start of a phase.
type PhaseFigures struct {
	Phase     string   `json:"phase"`
	Title     string   `json:"title"`
	Start     string   `json:"start,omitempty"`
	Units     int      `json:"units"` // instances open
	Headcount int      `json:"headcount"`
	Payroll   float64  `json:"payroll"`
	Offices   int      `json:"offices"`
	Opens     []string `json:"opens"` // unit templates and channels that open in this phase
}
