package report

import "github.com/orgdesign/orgdesign/model"

// Benchmarks are what the scenarios are compared with: country files and
// international instruments.
type Benchmarks struct {
	Countries   []*model.CountryFile    // in the order the report shows them
	Instruments []*model.InstrumentFile // whose criteria the scorecard rates
}

// Comparison is one scenario set beside the countries (benchmarks.Compare),
// every name, number and closed-list value in the report's language.
type Comparison struct {
	Countries   []CountryRow
	FrameHeads  []string   // the compared fields of the institutional frame
	Frame       []FrameRow // the scenario first, then the countries
	Indicators  []BenchIndicator
	Bases       []BasisRow // every known country figure behind the indicators, with its basis
	Chain       []ChainCompareRow
	ChainWho    []ChainWhoRow // the institutions the country files name, stage by stage
	Peers       []PeerRow     // nearest first
	NearestPeer string        // the first peer, for the index: "Jordanie (5,5/7)"
	Self        *PeerRow      // the scenario's own country, shown apart; nil when it is not among the countries
	SelfNote    string        // why it is apart
	Lessons     []LessonRow
	Sources     []SourceRow // the countries' sources behind what the section shows
}

// CountryRow names one country of the comparison.
type CountryRow struct {
	Code   string // the ISO code, upper case
	Name   string // in the report's language where the file gives it
	Agency string // with its short name
	Own    bool   // the scenario's own country
}

// FrameRow is the institutional frame of the scenario or of one country.
type FrameRow struct {
	Name     string
	Code     string // a country's ISO code, upper case; empty for the scenario
	Scenario bool
	Cells    []string // in the order of FrameHeads
	Source   Citation // the country file's source for its frame
}

// BenchIndicator is one indicator: the scenario's value and where it stands
// among the countries whose figure has the same basis.
type BenchIndicator struct {
	Key        string
	Label      string
	Unit       string
	Scenario   string // "—" when the scenario has no such figure
	Min        string
	Median     string
	Max        string
	Comparable string // "comparable / known" countries
	Position   string // below the minimum... or "—"
	Chart      *IndicatorChart
}

// IndicatorChart is what the position chart draws for one indicator.
type IndicatorChart struct {
	Scenario *float64
	Median   float64
	Points   []ChartPoint // the comparable countries
}

// ChartPoint is one country's value on the position chart.
type ChartPoint struct {
	Name  string
	Value float64
	Text  string
}

// BasisRow is one country's figure for an indicator and how it was obtained.
type BasisRow struct {
	Indicator  string
	Country    string
	Code       string
	Value      string
	Unit       string
	Basis      string
	Comparable string // yes or no, translated
	Reasons    string // why not, worded and joined; empty when comparable
	Sources    []Citation
}

// ChainCompareRow is who is accountable for one stage in the scenario and in
// each country.
type ChainCompareRow struct {
	Stage    string
	Scenario string       // each accountable's kind of party, with its name
	Cells    []string     // one per country, in the order of Countries
	Groups   []PartyGroup // the countries by kind of party, for a terminal
}

// PartyGroup is the countries whose accountable for a stage is one kind of party.
type PartyGroup struct {
	Party     string
	Countries []string // codes
}

// ChainWhoRow is the institution a country file names for a stage.
type ChainWhoRow struct {
	Stage   string
	Country string
	Party   string
	Who     string
	Source  Citation
}

// PeerRow is a country by similarity of its institutional frame.
type PeerRow struct {
	Rank    Figure // empty for the scenario's own country
	Country string
	Code    string
	Score   string // "83,3 % (5/6)"
	Near    string // the matching features, joined
	Far     string // the differing ones, each with the scenario's choice
}

// LessonRow is a country's lesson that speaks to one of the scenario's choices.
type LessonRow struct {
	Country string
	Code    string
	Text    string
	Because string // the matching choices, translated
	Source  Citation
}

// SourceRow is one source of a country file.
type SourceRow struct {
	Country     string
	Source      Citation
	Reliability string
	Date        string
}

// Instrument is one international instrument's part of the scorecard.
type Instrument struct {
	Title  string
	Source Citation // its title and address
	Rows   []ScoreRow
}

// ScoreRow is one criterion with the consultant's rating and what the
// structure itself says about it.
type ScoreRow struct {
	Criterion string // the id, for a scenario's assessment
	Title     string
	Rating    string // "3 — established", empty when not rated
	Evidence  string
	Source    Citation
	Supports  []string // the structure's readings that support the criterion
	Weakens   []string
	Readings  string // both, each with its effect, joined
}
