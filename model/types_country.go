package model

// CountryFile is a country benchmark file: one country's agency, every figure
// with a year and a source, unknown written as unknown.
type CountryFile struct {
	Meta            `yaml:"-" json:"-"`
	Country         CountryHeader    `yaml:"country" json:"country" jsonschema:"required"`
	Sources         []*Source        `yaml:"sources" json:"sources" jsonschema:"required"`
	Institution     *CountryFrame    `yaml:"institution,omitempty" json:"institution,omitempty"`
	Board           *CountryBoard    `yaml:"board,omitempty" json:"board,omitempty"`
	Programmes      []*Programme     `yaml:"programmes,omitempty" json:"programmes,omitempty"`
	Population      []*Figure        `yaml:"population,omitempty" json:"population,omitempty" jsonschema:"description=The country's population, for offices per million inhabitants"`
	Beneficiaries   []*Figure        `yaml:"beneficiaries,omitempty" json:"beneficiaries,omitempty"`
	Budget          []*Figure        `yaml:"budget,omitempty" json:"budget,omitempty"`
	Staff           []*Figure        `yaml:"staff,omitempty" json:"staff,omitempty"`
	AdminCostShare  []*Figure        `yaml:"adminCostShare,omitempty" json:"adminCostShare,omitempty" jsonschema:"description=Administration cost as a share of benefits, 0–1"`
	Territory       []*CountryLevel  `yaml:"territory,omitempty" json:"territory,omitempty"`
	Chain           []*CountryStage  `yaml:"chain,omitempty" json:"chain,omitempty"`
	PaymentChannels []*CountryItem   `yaml:"paymentChannels,omitempty" json:"paymentChannels,omitempty"`
	Registry        *CountryRegistry `yaml:"registry,omitempty" json:"registry,omitempty"`
	Grievance       []*CountryItem   `yaml:"grievance,omitempty" json:"grievance,omitempty"`
	Lessons         []*Lesson        `yaml:"lessons,omitempty" json:"lessons,omitempty"`
}

// CountryHeader is the `country:` section.
type CountryHeader struct {
	Meta     `yaml:"-" json:"-"`
	ID       string  `yaml:"id" json:"id" jsonschema:"required,description=ISO 3166-1 alpha-2 code, lower case"`
	Name     string  `yaml:"name" json:"name" jsonschema:"required,description=The country's name in French"`
	NameEn   string  `yaml:"nameEn,omitempty" json:"nameEn,omitempty"`
	Currency string  `yaml:"currency,omitempty" json:"currency,omitempty"`
	Agency   string  `yaml:"agency" json:"agency" jsonschema:"required,description=The agency that runs the main cash social assistance programme"`
	Short    string  `yaml:"shortName,omitempty" json:"shortName,omitempty"`
	Created  *Figure `yaml:"created,omitempty" json:"created,omitempty" jsonschema:"description=Year the agency was created"`
	Summary  string  `yaml:"summary,omitempty" json:"summary,omitempty" jsonschema:"description=Markdown"`
}

// Quantity is a number or the word unknown: unknown is never written as 0.
type Quantity struct {
	Value float64
	Known bool
}

// Figure is one sourced figure. Conflicting figures are kept side by side in a
// list, each with its own source.
type Figure struct {
	Meta     `yaml:"-" json:"-"`
	Value    Quantity `yaml:"value" json:"value" jsonschema:"required"`
	Year     string   `yaml:"year,omitempty" json:"year,omitempty" jsonschema:"description=The year the figure refers to: 2023, 2022/23 or 2023-03"`
	Unit     string   `yaml:"unit,omitempty" json:"unit,omitempty" jsonschema:"description=households, individuals, grants, posts… or a currency code for amounts"`
	Scope    string   `yaml:"scope,omitempty" json:"scope,omitempty" jsonschema:"description=What the figure covers (e.g. whole agency, field staff, benefits only)"`
	Basis    string   `yaml:"basis,omitempty" json:"basis,omitempty" jsonschema:"enum=caseload,enum=cumulative,enum=programme,enum=agency,enum=budget,enum=benefits,description=What an indicator figure counts: beneficiaries caseload or cumulative; staff of the programme or of the whole agency; admin cost share over the total budget or over benefits"`
	USD      *float64 `yaml:"usd,omitempty" json:"usd,omitempty" jsonschema:"description=The amount in US dollars where a source gives it"`
	GDPShare *float64 `yaml:"gdpShare,omitempty" json:"gdpShare,omitempty" jsonschema:"description=Share of GDP, 0–1, where a source gives it"`
	Source   string   `yaml:"source,omitempty" json:"source,omitempty" jsonschema:"description=The id of a source of the file"`
	Note     string   `yaml:"note,omitempty" json:"note,omitempty"`
}

// CountryFrame is the institutional frame in the terms of a scenario's institution.
type CountryFrame struct {
	Meta              `yaml:"-" json:"-"`
	LegalForm         string `yaml:"legalForm" json:"legalForm" jsonschema:"required,enum=ministry-department,enum=autonomous-agency,enum=social-security-fund,enum=foundation-network,enum=programme-unit,enum=unknown"`
	Supervision       string `yaml:"supervision,omitempty" json:"supervision,omitempty" jsonschema:"description=The supervising ministry, as text"`
	FinancialAutonomy string `yaml:"financialAutonomy" json:"financialAutonomy" jsonschema:"required,enum=yes,enum=no,enum=unknown"`
	StaffStatus       string `yaml:"staffStatus" json:"staffStatus" jsonschema:"required,enum=civil-service,enum=own-statute,enum=private-law,enum=mixed,enum=unknown"`
	Registry          string `yaml:"registry" json:"registry" jsonschema:"required,enum=separate,enum=internal,enum=unknown"`
	Payments          string `yaml:"payments" json:"payments" jsonschema:"required,enum=in-house,enum=outsourced,enum=mixed,enum=unknown"`
	Source            string `yaml:"source,omitempty" json:"source,omitempty"`
	Note              string `yaml:"note,omitempty" json:"note,omitempty"`
}

// CountryBoard is the agency's board, if any.
type CountryBoard struct {
	Meta               `yaml:"-" json:"-"`
	Exists             string  `yaml:"exists" json:"exists" jsonschema:"required,enum=yes,enum=no,enum=unknown"`
	Size               *Figure `yaml:"size,omitempty" json:"size,omitempty"`
	IndependentMembers *Figure `yaml:"independentMembers,omitempty" json:"independentMembers,omitempty"`
	Composition        string  `yaml:"composition,omitempty" json:"composition,omitempty"`
	Source             string  `yaml:"source,omitempty" json:"source,omitempty"`
}

// Programme is a programme the agency runs.
type Programme struct {
	Meta        `yaml:"-" json:"-"`
	Name        string `yaml:"name" json:"name" jsonschema:"required"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Source      string `yaml:"source,omitempty" json:"source,omitempty"`
}

// CountryLevel is one territorial level of the agency's presence.
type CountryLevel struct {
	Meta    `yaml:"-" json:"-"`
	Level   string   `yaml:"level" json:"level" jsonschema:"required,description=The level's name, e.g. regional offices"`
	Tier    string   `yaml:"tier,omitempty" json:"tier,omitempty" jsonschema:"enum=central,enum=regional,enum=provincial,enum=local"`
	Count   Quantity `yaml:"count" json:"count" jsonschema:"required"`
	Offices string   `yaml:"offices,omitempty" json:"offices,omitempty" jsonschema:"enum=own,enum=shared,enum=delegated,enum=mixed,enum=unknown"`
	Year    string   `yaml:"year,omitempty" json:"year,omitempty"`
	Source  string   `yaml:"source,omitempty" json:"source,omitempty"`
	Note    string   `yaml:"note,omitempty" json:"note,omitempty"`
}

// CountryStage says who is accountable for one delivery-chain stage.
type CountryStage struct {
	Meta        `yaml:"-" json:"-"`
	Stage       string `yaml:"stage" json:"stage" jsonschema:"required"`
	Accountable string `yaml:"accountable" json:"accountable" jsonschema:"required,enum=agency,enum=ministry,enum=registry-agency,enum=social-security,enum=bank,enum=post,enum=local-government,enum=other,enum=unknown"`
	Who         string `yaml:"who,omitempty" json:"who,omitempty" jsonschema:"description=The institution, by name"`
	Source      string `yaml:"source,omitempty" json:"source,omitempty"`
	Note        string `yaml:"note,omitempty" json:"note,omitempty"`
}

// CountryItem is a sourced entry of a list (a payment channel, a grievance channel).
type CountryItem struct {
	Meta        `yaml:"-" json:"-"`
	Kind        string `yaml:"kind" json:"kind" jsonschema:"required"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Source      string `yaml:"source,omitempty" json:"source,omitempty"`
}

// CountryRegistry is the social registry and the institutions linked to it.
type CountryRegistry struct {
	Meta   `yaml:"-" json:"-"`
	Name   string   `yaml:"name" json:"name" jsonschema:"required"`
	Holder string   `yaml:"holder,omitempty" json:"holder,omitempty" jsonschema:"description=Who keeps it"`
	Linked []string `yaml:"linked,omitempty" json:"linked,omitempty"`
	Source string   `yaml:"source,omitempty" json:"source,omitempty"`
}

// Lesson is a short factual lesson, with the scenario choices it speaks to.
type Lesson struct {
	Meta   `yaml:"-" json:"-"`
	ID     string            `yaml:"id" json:"id" jsonschema:"required"`
	Text   string            `yaml:"text" json:"text" jsonschema:"required"`
	When   map[string]string `yaml:"when,omitempty" json:"when,omitempty" jsonschema:"description=Institution fields (legalForm, staffStatus, registry, payments, board) and the values for which the lesson applies"`
	Source string            `yaml:"source,omitempty" json:"source,omitempty"`
}

// InstrumentFile is an international instrument on social protection
// governance: its criteria are what a scenario's assessment rates.
type InstrumentFile struct {
	Meta       `yaml:"-" json:"-"`
	Instrument InstrumentHeader       `yaml:"instrument" json:"instrument" jsonschema:"required"`
	Criteria   []*InstrumentCriterion `yaml:"criteria" json:"criteria" jsonschema:"required"`
}

// InstrumentHeader is the `instrument:` section.
type InstrumentHeader struct {
	Meta      `yaml:"-" json:"-"`
	ID        string `yaml:"id" json:"id" jsonschema:"required"`
	Title     string `yaml:"title" json:"title" jsonschema:"required,description=In French"`
	TitleEn   string `yaml:"titleEn,omitempty" json:"titleEn,omitempty"`
	Publisher string `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	Year      int    `yaml:"year,omitempty" json:"year,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	Note      string `yaml:"note,omitempty" json:"note,omitempty"`
}

// InstrumentCriterion is one principle, guideline, phase or area of an instrument.
type InstrumentCriterion struct {
	Meta        `yaml:"-" json:"-"`
	ID          string `yaml:"id" json:"id" jsonschema:"required"`
	Title       string `yaml:"title" json:"title" jsonschema:"required,description=In French"`
	TitleEn     string `yaml:"titleEn,omitempty" json:"titleEn,omitempty"`
	Group       string `yaml:"group,omitempty" json:"group,omitempty" jsonschema:"description=A module or phase of the instrument"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Source      string `yaml:"source,omitempty" json:"source,omitempty" jsonschema:"description=Where the criterion is stated (URL or reference)"`
	Note        string `yaml:"note,omitempty" json:"note,omitempty"`
}
