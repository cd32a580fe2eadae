package model

// The types of format v1. Field names follow the YAML keys (lowerCamelCase);
// every identified item embeds Meta so diagnostics can point at its text.

// Scenario is one scenario file: the `scenario:` header and its sibling sections.
// After resolution it holds the merged content of the file and what it extends.
type Scenario struct {
	Meta          `yaml:"-" json:"-"`
	Header        Header          `yaml:"scenario" json:"scenario" jsonschema:"required"`
	Institution   *Institution    `yaml:"institution,omitempty" json:"institution,omitempty"`
	Prerequisites []*Prerequisite `yaml:"prerequisites,omitempty" json:"prerequisites,omitempty"`
	Transition    *Transition     `yaml:"transition,omitempty" json:"transition,omitempty"`
	Strategy      *Strategy       `yaml:"strategy,omitempty" json:"strategy,omitempty"`
	Phases        []*Phase        `yaml:"phases,omitempty" json:"phases,omitempty"`
	Mandates      []*Mandate      `yaml:"mandates,omitempty" json:"mandates,omitempty"`
	Actors        []*Actor        `yaml:"actors,omitempty" json:"actors,omitempty"`
	Bodies        []*Body         `yaml:"bodies,omitempty" json:"bodies,omitempty"`
	Units         []*Unit         `yaml:"units,omitempty" json:"units,omitempty"`
	Channels      []*Channel      `yaml:"channels,omitempty" json:"channels,omitempty"`
	Relations     []*Relation     `yaml:"relations,omitempty" json:"relations,omitempty"`
	Chain         []*ChainEntry   `yaml:"chain,omitempty" json:"chain,omitempty"`
	Profiles      []*Profile      `yaml:"profiles,omitempty" json:"profiles,omitempty"`
	Demand        *Demand         `yaml:"demand,omitempty" json:"demand,omitempty"`
	Systems       []*System       `yaml:"systems,omitempty" json:"systems,omitempty"`
	Interfaces    []*Interface    `yaml:"interfaces,omitempty" json:"interfaces,omitempty"`
	Assumptions   []*Assumption   `yaml:"assumptions,omitempty" json:"assumptions,omitempty"`
	Risks         []*Risk         `yaml:"risks,omitempty" json:"risks,omitempty"`
	Sources       []*Source       `yaml:"sources,omitempty" json:"sources,omitempty"`
	Assessment    []*Assessment   `yaml:"assessment,omitempty" json:"assessment,omitempty" jsonschema:"description=Ratings against the international instruments' criteria"`
	Dismissed     []*Dismissal    `yaml:"dismissed,omitempty" json:"dismissed,omitempty" jsonschema:"description=Findings of the structural rules set aside, each with its reason"`
	Remove        []string        `yaml:"remove,omitempty" json:"remove,omitempty" jsonschema:"description=Inherited ids, chain stages or dismissed findings (by finding id) to drop"`
}

// Dismissal sets aside one finding of the structural rules, with the reason
// (shown in the pack). A register risk with `finding:` accepts one instead.
type Dismissal struct {
	Meta    `yaml:"-" json:"-"`
	Finding string `yaml:"finding" json:"finding" jsonschema:"required,description=The finding's id: the rule's code and its subject (orgdesign risk lists them)"`
	Reason  string `yaml:"reason" json:"reason" jsonschema:"required,description=Why the finding is set aside"`
}

// Header is the `scenario:` section.
type Header struct {
	Meta      `yaml:"-" json:"-"`
	ID        string `yaml:"id" json:"id" jsonschema:"required"`
	Title     string `yaml:"title" json:"title" jsonschema:"required"`
	Summary   string `yaml:"summary,omitempty" json:"summary,omitempty" jsonschema:"description=Markdown"`
	Extends   string `yaml:"extends,omitempty" json:"extends,omitempty" jsonschema:"description=A shared context file (a scenario marked partial), relative to this file"`
	Territory string `yaml:"territory,omitempty" json:"territory,omitempty" jsonschema:"description=An embedded territory name or a path relative to this file"`
	Currency  string `yaml:"currency,omitempty" json:"currency,omitempty"`
	Year      int    `yaml:"year,omitempty" json:"year,omitempty"`
	Partial   bool   `yaml:"partial,omitempty" json:"partial,omitempty" jsonschema:"description=A shared context, never reported as an option"`
}

// Institution is the institutional frame, compared with the countries.
type Institution struct {
	Meta              `yaml:"-" json:"-"`
	LegalForm         string `yaml:"legalForm,omitempty" json:"legalForm,omitempty" jsonschema:"enum=ministry-department,enum=autonomous-agency,enum=social-security-fund,enum=foundation-network,enum=programme-unit"`
	Supervision       string `yaml:"supervision,omitempty" json:"supervision,omitempty"`
	FinancialAutonomy bool   `yaml:"financialAutonomy,omitempty" json:"financialAutonomy,omitempty"`
	StaffStatus       string `yaml:"staffStatus,omitempty" json:"staffStatus,omitempty" jsonschema:"enum=civil-service,enum=own-statute,enum=private-law,enum=mixed"`
	Registry          string `yaml:"registry,omitempty" json:"registry,omitempty" jsonschema:"enum=separate,enum=internal"`
	Payments          string `yaml:"payments,omitempty" json:"payments,omitempty" jsonschema:"enum=in-house,enum=outsourced,enum=mixed"`
	Notes             string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Prerequisite is what must happen before an option can exist.
type Prerequisite struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Title       string `yaml:"title" json:"title" jsonschema:"required"`
	Kind        string `yaml:"kind,omitempty" json:"kind,omitempty" jsonschema:"enum=law,enum=decree,enum=order,enum=agreement,enum=budget,enum=recruitment,enum=system,enum=procurement,enum=premises,enum=other"`
	Months      int    `yaml:"months,omitempty" json:"months,omitempty"`
	Owner       string `yaml:"owner,omitempty" json:"owner,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Transition is the cost and duration of moving to an option.
type Transition struct {
	Meta   `yaml:"-" json:"-"`
	Cost   float64 `yaml:"cost,omitempty" json:"cost,omitempty"`
	Months int     `yaml:"months,omitempty" json:"months,omitempty"`
	Notes  string  `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Strategy is the strategic framework.
type Strategy struct {
	Meta       `yaml:"-" json:"-"`
	Vision     string       `yaml:"vision,omitempty" json:"vision,omitempty"`
	Mission    string       `yaml:"mission,omitempty" json:"mission,omitempty"`
	Values     []string     `yaml:"values,omitempty" json:"values,omitempty"`
	Objectives []*Objective `yaml:"objectives,omitempty" json:"objectives,omitempty"`
}

// Objective is a strategic objective with its indicators.
type Objective struct {
	Meta        `yaml:"-" json:"-"`
	ID          string       `yaml:"id" json:"id" jsonschema:"required"`
	Title       string       `yaml:"title" json:"title" jsonschema:"required"`
	Description string       `yaml:"description,omitempty" json:"description,omitempty"`
	Indicators  []*Indicator `yaml:"indicators,omitempty" json:"indicators,omitempty"`
}

// Indicator measures an objective.
type Indicator struct {
	Meta     `yaml:"-" json:"-"`
	ID       string   `yaml:"id" json:"id" jsonschema:"required"`
	Title    string   `yaml:"title" json:"title" jsonschema:"required"`
	Unit     string   `yaml:"unit,omitempty" json:"unit,omitempty"`
	Baseline *float64 `yaml:"baseline,omitempty" json:"baseline,omitempty"`
	Target   *float64 `yaml:"target,omitempty" json:"target,omitempty"`
	Year     int      `yaml:"year,omitempty" json:"year,omitempty"`
	Source   string   `yaml:"source,omitempty" json:"source,omitempty"`
}

// Phase is a step of the roadmap.
type Phase struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Title       string `yaml:"title" json:"title" jsonschema:"required"`
	Start       string `yaml:"start,omitempty" json:"start,omitempty" jsonschema:"description=YYYY-MM"`
	End         string `yaml:"end,omitempty" json:"end,omitempty" jsonschema:"description=YYYY-MM"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// RACI holds the responsibility assignment shared by mandates and chain entries.
type RACI struct {
	Accountable string   `yaml:"accountable,omitempty" json:"accountable,omitempty"`
	Responsible []string `yaml:"responsible,omitempty" json:"responsible,omitempty"`
	Consulted   []string `yaml:"consulted,omitempty" json:"consulted,omitempty"`
	Informed    []string `yaml:"informed,omitempty" json:"informed,omitempty"`
}

// Mandate is an attribution of the agency with its RACI.
type Mandate struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Title       string `yaml:"title" json:"title" jsonschema:"required"`
	Source      string `yaml:"source,omitempty" json:"source,omitempty"`
	Function    string `yaml:"function,omitempty" json:"function,omitempty" jsonschema:"description=A delivery-chain stage or a support function"`
	RACI        `yaml:",inline" json:",inline"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Actor is an institution outside the agency.
type Actor struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Name        string `yaml:"name" json:"name" jsonschema:"required"`
	ShortName   string `yaml:"shortName,omitempty" json:"shortName,omitempty"`
	Kind        string `yaml:"kind" json:"kind" jsonschema:"required,enum=ministry,enum=government,enum=agency,enum=operator,enum=local-authority,enum=social-security,enum=civil-society,enum=international,enum=private,enum=oversight"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Body is a board or committee.
type Body struct {
	Meta               `yaml:"-" json:"-"`
	ID                 string   `yaml:"id" json:"id" jsonschema:"required"`
	Name               string   `yaml:"name" json:"name" jsonschema:"required"`
	Kind               string   `yaml:"kind" json:"kind" jsonschema:"required,enum=board,enum=committee,enum=council"`
	Chair              string   `yaml:"chair,omitempty" json:"chair,omitempty"`
	Members            []string `yaml:"members,omitempty" json:"members,omitempty"`
	IndependentMembers int      `yaml:"independentMembers,omitempty" json:"independentMembers,omitempty"`
	MeetingsPerYear    int      `yaml:"meetingsPerYear,omitempty" json:"meetingsPerYear,omitempty"`
	ReportsTo          string   `yaml:"reportsTo,omitempty" json:"reportsTo,omitempty"`
	Description        string   `yaml:"description,omitempty" json:"description,omitempty"`
}

// Cost is a setup cost and an annual cost, besides staff.
type Cost struct {
	Meta   `yaml:"-" json:"-"`
	Setup  float64 `yaml:"setup,omitempty" json:"setup,omitempty"`
	Annual float64 `yaml:"annual,omitempty" json:"annual,omitempty"`
}

// StaffLine is a fixed count of a profile or a staffing norm.
type StaffLine struct {
	Meta    `yaml:"-" json:"-"`
	Profile string  `yaml:"profile" json:"profile" jsonschema:"required"`
	Count   int     `yaml:"count,omitempty" json:"count,omitempty"`
	OnePer  float64 `yaml:"onePer,omitempty" json:"onePer,omitempty" jsonschema:"description=One person per N of the demand apportioned to the instance"`
	Of      string  `yaml:"of,omitempty" json:"of,omitempty" jsonschema:"enum=households,enum=population"`
	Phase   string  `yaml:"phase,omitempty" json:"phase,omitempty"`
}

// Unit is a part of the agency's own structure; with per or at it is territorial.
type Unit struct {
	Meta         `yaml:"-" json:"-"`
	ID           string       `yaml:"id" json:"id" jsonschema:"required"`
	Name         string       `yaml:"name" json:"name" jsonschema:"required,description={territory} is replaced by the territory unit's name"`
	Kind         string       `yaml:"kind" json:"kind" jsonschema:"required,enum=executive,enum=directorate,enum=department,enum=division,enum=service,enum=delegation,enum=office"`
	Tier         string       `yaml:"tier,omitempty" json:"tier,omitempty" jsonschema:"enum=central,enum=regional,enum=provincial,enum=local"`
	ReportsTo    string       `yaml:"reportsTo,omitempty" json:"reportsTo,omitempty"`
	FunctionalTo []string     `yaml:"functionalTo,omitempty" json:"functionalTo,omitempty"`
	Per          string       `yaml:"per,omitempty" json:"per,omitempty" jsonschema:"description=A territory level: one instance per territory unit of that level"`
	At           string       `yaml:"at,omitempty" json:"at,omitempty" jsonschema:"description=A territory unit id"`
	Phase        string       `yaml:"phase,omitempty" json:"phase,omitempty"`
	Cost         *Cost        `yaml:"cost,omitempty" json:"cost,omitempty"`
	Staff        []*StaffLine `yaml:"staff,omitempty" json:"staff,omitempty"`
	Description  string       `yaml:"description,omitempty" json:"description,omitempty"`
}

// Channel is where and how households reach the service.
type Channel struct {
	Meta        `yaml:"-" json:"-"`
	ID          string   `yaml:"id" json:"id" jsonschema:"required"`
	Name        string   `yaml:"name" json:"name" jsonschema:"required"`
	Kind        string   `yaml:"kind" json:"kind" jsonschema:"required,enum=office,enum=partner-counter,enum=digital,enum=call-centre,enum=mobile-unit,enum=agent-network"`
	Operator    string   `yaml:"operator,omitempty" json:"operator,omitempty"`
	Per         string   `yaml:"per,omitempty" json:"per,omitempty"`
	At          string   `yaml:"at,omitempty" json:"at,omitempty"`
	Stages      []string `yaml:"stages,omitempty" json:"stages,omitempty"`
	Phase       string   `yaml:"phase,omitempty" json:"phase,omitempty"`
	Cost        *Cost    `yaml:"cost,omitempty" json:"cost,omitempty"` // per place it is present in (each unit of `per`, `at`, or once), never per point
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	// Points is how many physical points the channel has in all (counters,
	// mobile units, agents); absent: one per instance of `per`, one for `at`
	// or for a channel placed nowhere. Meaningless for digital channels and
	// call centres. It counts service points; the costs stay per place.
	Points *int `yaml:"points,omitempty" json:"points,omitempty" jsonschema:"minimum=0,description=The number of physical points of the channel in all (service points); without it one per territory unit of per or one for at. The channel's costs stay per place"`
}

// InPerson reports whether households come to the channel in person (an
// office, a counter, a mobile unit, an agent): a digital channel or a call
// centre has no place, and so no points.
func (ch *Channel) InPerson() bool { return ch.Kind != "digital" && ch.Kind != "call-centre" }

// Relation is an institutional link.
type Relation struct {
	Meta  `yaml:"-" json:"-"`
	From  string `yaml:"from" json:"from" jsonschema:"required"`
	To    string `yaml:"to" json:"to" jsonschema:"required"`
	Kind  string `yaml:"kind" json:"kind" jsonschema:"required,enum=supervision,enum=funding,enum=data,enum=service,enum=payment,enum=agreement,enum=coordination,enum=oversight,enum=membership,enum=contract"`
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
}

// ChainEntry says who does one delivery-chain stage, as a RACI.
type ChainEntry struct {
	Meta        `yaml:"-" json:"-"`
	Stage       string `yaml:"stage" json:"stage" jsonschema:"required"`
	RACI        `yaml:",inline" json:",inline"`
	Systems     []string `yaml:"systems,omitempty" json:"systems,omitempty"`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
}

// Profile is an HR profile.
type Profile struct {
	Meta        `yaml:"-" json:"-"`
	ID          string  `yaml:"id" json:"id" jsonschema:"required"`
	Title       string  `yaml:"title" json:"title" jsonschema:"required"`
	AnnualCost  float64 `yaml:"annualCost,omitempty" json:"annualCost,omitempty"`
	FrontOffice bool    `yaml:"frontOffice,omitempty" json:"frontOffice,omitempty"`
	Description string  `yaml:"description,omitempty" json:"description,omitempty"`
}

// Demand is what the structure must serve.
type Demand struct {
	Meta         `yaml:"-" json:"-"`
	Households   float64     `yaml:"households,omitempty" json:"households,omitempty"`
	Population   float64     `yaml:"population,omitempty" json:"population,omitempty"`
	Distribution string      `yaml:"distribution,omitempty" json:"distribution,omitempty" jsonschema:"description=population, households or a figure every territory unit carries"`
	Standards    []*Standard `yaml:"standards,omitempty" json:"standards,omitempty"`
	Source       string      `yaml:"source,omitempty" json:"source,omitempty"`
	// BenefitsPerYear is the benefits envelope paid in a year, in the
	// scenario's currency: the denominator of the administrative cost share.
	BenefitsPerYear float64 `yaml:"benefitsPerYear,omitempty" json:"benefitsPerYear,omitempty" jsonschema:"description=Benefits paid in a year, in the scenario's currency (for the administrative cost share)"`
}

// Standard is a service norm the planned staff is held against.
type Standard struct {
	Meta    `yaml:"-" json:"-"`
	Profile string  `yaml:"profile" json:"profile" jsonschema:"required"`
	OnePer  float64 `yaml:"onePer" json:"onePer" jsonschema:"required"`
	Of      string  `yaml:"of,omitempty" json:"of,omitempty" jsonschema:"enum=households,enum=population"`
	Tier    string  `yaml:"tier,omitempty" json:"tier,omitempty" jsonschema:"enum=central,enum=regional,enum=provincial,enum=local"`
}

// System is an information system.
type System struct {
	Meta        `yaml:"-" json:"-"`
	ID          string      `yaml:"id" json:"id" jsonschema:"required"`
	Name        string      `yaml:"name" json:"name" jsonschema:"required"`
	Owner       string      `yaml:"owner,omitempty" json:"owner,omitempty"`
	Kind        string      `yaml:"kind,omitempty" json:"kind,omitempty" jsonschema:"enum=registry,enum=management,enum=portal,enum=payment,enum=call-centre,enum=data-exchange,enum=identity,enum=other"`
	Description string      `yaml:"description,omitempty" json:"description,omitempty"`
	Cost        *Cost       `yaml:"cost,omitempty" json:"cost,omitempty"`
	Phase       string      `yaml:"phase,omitempty" json:"phase,omitempty"`
	Continuity  *Continuity `yaml:"continuity,omitempty" json:"continuity,omitempty" jsonschema:"description=The declared continuity arrangement: what runs when the system fails"`
}

// Continuity is a system's declared continuity arrangement.
type Continuity struct {
	Meta          `yaml:"-" json:"-"`
	Fallback      string  `yaml:"fallback" json:"fallback" jsonschema:"required,description=What keeps the stages running when the system fails (standby site, tested degraded procedure…)"`
	RecoveryHours float64 `yaml:"recoveryHours,omitempty" json:"recoveryHours,omitempty" jsonschema:"description=The recovery time objective, in hours"`
}

// Interface is a data exchange between two systems.
type Interface struct {
	Meta         `yaml:"-" json:"-"`
	ID           string   `yaml:"id" json:"id" jsonschema:"required"`
	From         string   `yaml:"from" json:"from" jsonschema:"required"`
	To           string   `yaml:"to" json:"to" jsonschema:"required"`
	Data         []string `yaml:"data,omitempty" json:"data,omitempty"`
	Stages       []string `yaml:"stages,omitempty" json:"stages,omitempty"`
	PersonalData bool     `yaml:"personalData,omitempty" json:"personalData,omitempty"`
	Mode         string   `yaml:"mode,omitempty" json:"mode,omitempty" jsonschema:"enum=manual,enum=file,enum=batch,enum=api,enum=event"`
	Frequency    string   `yaml:"frequency,omitempty" json:"frequency,omitempty"`
	Agreement    string   `yaml:"agreement,omitempty" json:"agreement,omitempty" jsonschema:"enum=none,enum=draft,enum=signed"`
	LegalBasis   string   `yaml:"legalBasis,omitempty" json:"legalBasis,omitempty"`
	Phase        string   `yaml:"phase,omitempty" json:"phase,omitempty"`
}

// Assumption is a figure the scenario relies on without a source of its own.
type Assumption struct {
	Meta   `yaml:"-" json:"-"`
	ID     string   `yaml:"id" json:"id" jsonschema:"required"`
	Text   string   `yaml:"text" json:"text" jsonschema:"required"`
	Value  *float64 `yaml:"value,omitempty" json:"value,omitempty"`
	Unit   string   `yaml:"unit,omitempty" json:"unit,omitempty"`
	Source string   `yaml:"source,omitempty" json:"source,omitempty"`
}

// Risk is an entry of the scenario's risk register.
type Risk struct {
	Meta        `yaml:"-" json:"-"`
	ID          string        `yaml:"id" json:"id" jsonschema:"required"`
	Title       string        `yaml:"title" json:"title" jsonschema:"required"`
	Description string        `yaml:"description,omitempty" json:"description,omitempty"`
	Category    string        `yaml:"category" json:"category" jsonschema:"required,enum=governance,enum=operational,enum=information-systems,enum=hr,enum=financial,enum=legal,enum=reputational"`
	Owner       string        `yaml:"owner,omitempty" json:"owner,omitempty"`
	Finding     string        `yaml:"finding,omitempty" json:"finding,omitempty" jsonschema:"description=The id of a structural rule's finding this risk accepts (it replaces the finding)"`
	Likelihood  Level         `yaml:"likelihood" json:"likelihood" jsonschema:"required"`
	Impact      Level         `yaml:"impact" json:"impact" jsonschema:"required"`
	Mitigations []*Mitigation `yaml:"mitigations,omitempty" json:"mitigations,omitempty"`
}

// Mitigation reduces a risk's likelihood or impact.
type Mitigation struct {
	Meta    `yaml:"-" json:"-"`
	ID      string  `yaml:"id" json:"id" jsonschema:"required"`
	Title   string  `yaml:"title" json:"title" jsonschema:"required"`
	Reduces string  `yaml:"reduces" json:"reduces" jsonschema:"required,enum=likelihood,enum=impact"`
	By      int     `yaml:"by" json:"by" jsonschema:"required"`
	Cost    float64 `yaml:"cost,omitempty" json:"cost,omitempty" jsonschema:"minimum=0,description=One-off cost in the scenario's currency (not counted once the measure is done)"`
	Annual  float64 `yaml:"annual,omitempty" json:"annual,omitempty" jsonschema:"minimum=0,description=Yearly cost once in place in the scenario's currency: a running cost from the measure's phase whatever its status"` // a measure in place still costs every year
	Status  string  `yaml:"status,omitempty" json:"status,omitempty" jsonschema:"enum=planned,enum=in-progress,enum=done"`
	Phase   string  `yaml:"phase,omitempty" json:"phase,omitempty"`
	Owner   string  `yaml:"owner,omitempty" json:"owner,omitempty"`
}

// Source is a reference a figure cites.
type Source struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Title       string `yaml:"title" json:"title" jsonschema:"required"`
	URL         string `yaml:"url,omitempty" json:"url,omitempty"`
	Date        string `yaml:"date,omitempty" json:"date,omitempty" jsonschema:"description=YYYY, YYYY-MM or YYYY-MM-DD"`
	Reliability string `yaml:"reliability,omitempty" json:"reliability,omitempty" jsonschema:"enum=official,enum=press,enum=secondary,enum=low"`
}

// Assessment rates the scenario against one criterion of an international
// instrument, on the four-point scale (1 latent, 2 emerging, 3 established, 4 advanced).
type Assessment struct {
	Meta      `yaml:"-" json:"-"`
	Criterion string `yaml:"criterion" json:"criterion" jsonschema:"required,description=The id of an instrument criterion (orgdesign benchmark lists them)"`
	Rating    int    `yaml:"rating" json:"rating" jsonschema:"required,minimum=1,maximum=4"`
	Evidence  string `yaml:"evidence,omitempty" json:"evidence,omitempty" jsonschema:"description=Markdown"`
	Source    string `yaml:"source,omitempty" json:"source,omitempty"`
}
