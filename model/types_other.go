package model

// TerritoryFile is a territory file: the `territory:` header and its units.
type TerritoryFile struct {
	Meta      `yaml:"-" json:"-"`
	Territory TerritoryHeader  `yaml:"territory" json:"territory" jsonschema:"required"`
	Units     []*TerritoryUnit `yaml:"units,omitempty" json:"units,omitempty"`
}

// TerritoryHeader is the `territory:` section.
type TerritoryHeader struct {
	Meta    `yaml:"-" json:"-"`
	ID      string    `yaml:"id" json:"id" jsonschema:"required"`
	Name    string    `yaml:"name" json:"name" jsonschema:"required"`
	Levels  []string  `yaml:"levels" json:"levels" jsonschema:"required,description=Level names, top first"`
	Country string    `yaml:"country,omitempty" json:"country,omitempty" jsonschema:"description=ISO 3166-1 alpha-2 code of the territory's country (MA), so benchmarks know the scenario's own country"`
	Sources []*Source `yaml:"sources,omitempty" json:"sources,omitempty"`
}

// TerritoryUnit is one unit of a territory (a region, a province...).
type TerritoryUnit struct {
	Meta       `yaml:"-" json:"-"`
	ID         string             `yaml:"id" json:"id" jsonschema:"required"`
	Name       string             `yaml:"name" json:"name" jsonschema:"required"`
	Level      string             `yaml:"level" json:"level" jsonschema:"required"`
	Kind       string             `yaml:"kind,omitempty" json:"kind,omitempty"`
	Parent     string             `yaml:"parent,omitempty" json:"parent,omitempty"`
	Population *float64           `yaml:"population,omitempty" json:"population,omitempty"`
	Households *float64           `yaml:"households,omitempty" json:"households,omitempty"`
	Figures    map[string]float64 `yaml:"figures,omitempty" json:"figures,omitempty" jsonschema:"description=Other counts a demand distribution may name"`
	Source     string             `yaml:"source,omitempty" json:"source,omitempty" jsonschema:"description=The id of a source in the territory's sources"`
}

// Study ties the scenarios of an assignment together.
type Study struct {
	Meta           `yaml:"-" json:"-"`
	Header         StudyHeader     `yaml:"study" json:"study" jsonschema:"required"`
	Sources        []*Source       `yaml:"sources,omitempty" json:"sources,omitempty"`
	Findings       []*Finding      `yaml:"findings,omitempty" json:"findings,omitempty"`
	Stakeholders   []*Stakeholder  `yaml:"stakeholders,omitempty" json:"stakeholders,omitempty"`
	Consultations  []*Consultation `yaml:"consultations,omitempty" json:"consultations,omitempty"`
	Criteria       []*Criterion    `yaml:"criteria,omitempty" json:"criteria,omitempty"`
	Scores         []*Score        `yaml:"scores,omitempty" json:"scores,omitempty"`
	Recommendation string          `yaml:"recommendation,omitempty" json:"recommendation,omitempty" jsonschema:"description=Markdown, naming the chosen option"`
	Rationale      string          `yaml:"rationale,omitempty" json:"rationale,omitempty" jsonschema:"description=Markdown: why the recommendation departs from the ranking"`
	Decisions      []*Decision     `yaml:"decisions,omitempty" json:"decisions,omitempty"`
}

// StudyHeader is the `study:` section.
type StudyHeader struct {
	Meta      `yaml:"-" json:"-"`
	ID        string         `yaml:"id" json:"id" jsonschema:"required"`
	Title     string         `yaml:"title" json:"title" jsonschema:"required"`
	Client    string         `yaml:"client,omitempty" json:"client,omitempty"`
	Date      string         `yaml:"date,omitempty" json:"date,omitempty"`
	Summary   string         `yaml:"summary,omitempty" json:"summary,omitempty"`
	Scenarios []*ScenarioRef `yaml:"scenarios" json:"scenarios" jsonschema:"required"`
	// Status says how far the study has gone: a pack written while
	// consultations are still planned is interim.
	Status       string   `yaml:"status,omitempty" json:"status,omitempty" jsonschema:"enum=draft,enum=consultation,enum=final"`
	Horizon      int      `yaml:"horizon,omitempty" json:"horizon,omitempty" jsonschema:"description=Years the costs are laid out over (default 5)"`
	DiscountRate *float64 `yaml:"discountRate,omitempty" json:"discountRate,omitempty" jsonschema:"description=Yearly discount rate of the present value, a fraction (0.05 for 5 %); 0 when absent"`
}

// ScenarioRef names one scenario file of a study.
type ScenarioRef struct {
	Meta     `yaml:"-" json:"-"`
	File     string `yaml:"file" json:"file" jsonschema:"required"`
	Baseline bool   `yaml:"baseline,omitempty" json:"baseline,omitempty"`
}

// Finding is one diagnostic finding on the current situation.
type Finding struct {
	Meta     `yaml:"-" json:"-"`
	ID       string `yaml:"id" json:"id" jsonschema:"required"`
	Title    string `yaml:"title" json:"title" jsonschema:"required"`
	Stage    string `yaml:"stage,omitempty" json:"stage,omitempty" jsonschema:"description=A delivery-chain stage or a support function"`
	Severity string `yaml:"severity,omitempty" json:"severity,omitempty" jsonschema:"enum=low,enum=medium,enum=high,enum=critical"`
	Evidence string `yaml:"evidence,omitempty" json:"evidence,omitempty" jsonschema:"description=Markdown"`
	Source   string `yaml:"source,omitempty" json:"source,omitempty"`
}

// Stakeholder is a party to the consultations.
type Stakeholder struct {
	Meta      `yaml:"-" json:"-"`
	ID        string `yaml:"id" json:"id" jsonschema:"required"`
	Name      string `yaml:"name" json:"name" jsonschema:"required"`
	Group     string `yaml:"group,omitempty" json:"group,omitempty"`
	Interest  string `yaml:"interest,omitempty" json:"interest,omitempty" jsonschema:"enum=low,enum=medium,enum=high"`
	Influence string `yaml:"influence,omitempty" json:"influence,omitempty" jsonschema:"enum=low,enum=medium,enum=high"`
}

// Consultation is one event of the participatory trail.
type Consultation struct {
	Meta         `yaml:"-" json:"-"`
	ID           string   `yaml:"id" json:"id" jsonschema:"required"`
	Date         string   `yaml:"date,omitempty" json:"date,omitempty"`
	Format       string   `yaml:"format,omitempty" json:"format,omitempty" jsonschema:"enum=workshop,enum=interview,enum=survey,enum=focus-group,enum=committee"`
	Participants []string `yaml:"participants,omitempty" json:"participants,omitempty"`
	Topics       []string `yaml:"topics,omitempty" json:"topics,omitempty"`
	Outcomes     string   `yaml:"outcomes,omitempty" json:"outcomes,omitempty" jsonschema:"description=Markdown (inline: the pack shows it in a table cell)"`
}

// Criterion compares options: computed from a metric or scored in workshops.
type Criterion struct {
	Meta      `yaml:"-" json:"-"`
	ID        string             `yaml:"id" json:"id" jsonschema:"required"`
	Title     string             `yaml:"title" json:"title" jsonschema:"required"`
	Metric    string             `yaml:"metric,omitempty" json:"metric,omitempty" jsonschema:"enum=payroll,enum=headcount,enum=annual-cost,enum=setup-cost,enum=residual-risk,enum=open-findings,enum=capacity-gap,enum=transition-cost,enum=transition-months,enum=offices,enum=service-points,enum=chain-gaps,enum=benchmark-distance,enum=total-cost,enum=one-off-cost,enum=running-cost,enum=admin-share"`
	Scored    bool               `yaml:"scored,omitempty" json:"scored,omitempty"`
	Direction string             `yaml:"direction,omitempty" json:"direction,omitempty" jsonschema:"enum=min,enum=max"`
	Scale     *Scale             `yaml:"scale,omitempty" json:"scale,omitempty" jsonschema:"description=A fixed value scale in the metric's unit: the value worth 0 and the value worth 1"`
	Weights   map[string]float64 `yaml:"weights,omitempty" json:"weights,omitempty" jsonschema:"description=Weight per stakeholder group"`
}

// Scale is a computed criterion's fixed value scale, in its metric's unit:
// worst is worth 0, best is worth 1 (worst > best where less is better).
type Scale struct {
	Meta  `yaml:"-" json:"-"`
	Worst float64 `yaml:"worst" json:"worst" jsonschema:"required"`
	Best  float64 `yaml:"best" json:"best" jsonschema:"required"`
}

// Score is a workshop score of one scenario on one criterion.
type Score struct {
	Meta      `yaml:"-" json:"-"`
	Criterion string  `yaml:"criterion" json:"criterion" jsonschema:"required"`
	Scenario  string  `yaml:"scenario" json:"scenario" jsonschema:"required"`
	Value     float64 `yaml:"value" json:"value" jsonschema:"required"`
	Group     string  `yaml:"group,omitempty" json:"group,omitempty"`
}

// Decision is what the committee is asked to decide.
type Decision struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Title       string `yaml:"title" json:"title" jsonschema:"required"`
	Description string `yaml:"description,omitempty" json:"description,omitempty" jsonschema:"description=Markdown (inline: the pack shows it in a table cell)"`
}
