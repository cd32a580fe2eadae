package compare

import (
	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// DefaultDraws is the number of weight perturbations when Options.Draws is 0.
const DefaultDraws = 10000

// MaxDraws bounds Options.Draws.
const MaxDraws = 10_000_000

// Options tune a comparison.
type Options struct {
	Study     *model.Study         // criteria and scores; nil: the set's study
	Countries []*model.CountryFile // the benchmark countries; none: no nearest peer, no benchmark distance
	Analysis  analysis.Options
	Seed      uint64 // of the weight perturbations
	Draws     int    // weight perturbations; 0: DefaultDraws, negative: none
}

// Result is the comparison of a set's scenarios.
type Result struct {
	Study       string       `json:"study,omitempty"` // the id of the study the criteria come from
	Scenarios   []Figures    `json:"scenarios"`       // in the set's order
	Ranking     *Ranking     `json:"ranking"`         // nil without criteria
	Sensitivity *Sensitivity `json:"sensitivity"`     // nil without a combined ranking
	// Peers tells the options apart by their nearest countries; nil without
	// countries or with fewer than two scenarios.
	Peers *benchmarks.Contrast `json:"peers,omitempty"`
	// Recommendation is the option the study's recommendation names, set
	// against the ranking; nil when it names none of those compared.
	Recommendation *Recommendation `json:"recommendation"`
	// Triage warns about the triages naming a finding the rules do not
	// produce, judged over the scenarios compared (risk.CheckTriage on the
	// assessments the figures come from).
	Triage model.Diagnostics `json:"-"`
}

// Figures are one scenario's key figures, side by side with the others'.
type Figures struct {
	Scenario         string   `json:"scenario"`
	Title            string   `json:"title"`
	Baseline         bool     `json:"baseline,omitempty"`
	Currency         string   `json:"currency,omitempty"`
	Headcount        int      `json:"headcount"`
	Payroll          float64  `json:"payroll"`
	AnnualCost       float64  `json:"annualCost"` // units, channels, systems and mitigations, every year besides payroll
	SetupCost        float64  `json:"setupCost"`
	TransitionCost   *float64 `json:"transitionCost"`   // nil without a transition section
	TransitionMonths *float64 `json:"transitionMonths"` // idem
	Prerequisites    int      `json:"prerequisites"`
	Offices          int      `json:"offices"`
	CapacityGap      int      `json:"capacityGap"`
	ChainGaps        int      `json:"chainGaps"`        // delivery-chain stages without an accountable
	RACIGaps         int      `json:"raciGaps"`         // stages and mandates without an accountable
	Exposure         int      `json:"residualExposure"` // the register's residual scores, accepted findings included
	HighRisks        int      `json:"highRisks"`        // register risks of residual level high or critical
	CriticalRisks    int      `json:"criticalRisks"`    // register risks of residual level critical
	OpenFindings     int      `json:"openFindings"`     // the rules' findings neither accepted nor dismissed
	NearestPeer      string   `json:"nearestPeer,omitempty"`
	PeerScore        *float64 `json:"peerScore"` // the nearest peer's score, 0–1; nil without countries
	Costs            Costs    `json:"costs"`     // over the horizon the options share
	// Service points: every place a household is served in person, by kind
	// (analysis.Indicators.ServicePoints).
	ServicePoints       int                   `json:"servicePoints"`
	ServicePointsByKind []analysis.KindPoints `json:"servicePointsByKind"`
	// The capacity gap as a share: CapacityGap over StaffRequired, the staff
	// the standards call for; nil when they call for no one.
	CapacityGapShare *float64 `json:"capacityGapShare"`
	StaffRequired    int      `json:"staffRequired"`
}

// Metric returns the value of a computed criterion's metric, and whether the
// scenario has one.
func (f *Figures) Metric(name string) (float64, bool) {
	if v, ok, known := f.Costs.metric(name); known {
		return v, ok
	}
	switch name {
	case "payroll":
		return f.Payroll, true
	case "headcount":
		return float64(f.Headcount), true
	case "annual-cost":
		return f.AnnualCost, true
	case "setup-cost":
		return f.SetupCost, true
	case "residual-risk":
		return float64(f.Exposure), true
	case "open-findings":
		return float64(f.OpenFindings), true
	case "capacity-gap":
		return deref(f.CapacityGapShare)
	case "transition-cost":
		return deref(f.TransitionCost)
	case "transition-months":
		return deref(f.TransitionMonths)
	case "offices":
		return float64(f.Offices), true
	case "service-points":
		return float64(f.ServicePoints), true
	case "chain-gaps":
		return float64(f.ChainGaps), true
	case "benchmark-distance":
		if f.PeerScore == nil {
			return 0, false
		}
		return 1 - *f.PeerScore, true
	}
	return 0, false
}

func deref(p *float64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}

// KeyFigures computes one scenario's figures from its analysis, its risk
// assessment and its benchmark comparison (nil: no peer). The nearest peer
// is the comparison's first, never the scenario's own country.
func KeyFigures(r *model.Resolved, a *analysis.Analysis, ra *risk.Assessment, bc *benchmarks.Comparison) Figures {
	f := Figures{Scenario: r.Header.ID, Title: r.Header.Title, Currency: r.Header.Currency,
		Headcount: a.Costs.Headcount, Payroll: a.Costs.Payroll, AnnualCost: a.Costs.Annual, SetupCost: a.Costs.Setup,
		Prerequisites: len(r.Prerequisites), Offices: a.Indicators.Offices, CapacityGap: a.Capacity.Gap,
		ChainGaps: len(a.RACI.Gaps), RACIGaps: len(a.RACI.Gaps) + len(a.RACI.MandateGaps), Costs: costsOf(a.Budget)}
	f.ServicePoints, f.ServicePointsByKind = a.Indicators.ServicePoints, a.Indicators.ServicePointsByKind
	f.CapacityGapShare, f.StaffRequired = a.Capacity.GapShare, a.Capacity.Required
	if t := r.Transition; t != nil {
		cost, months := t.Cost, float64(t.Months)
		f.TransitionCost, f.TransitionMonths = &cost, &months
	}
	if ra != nil {
		f.Exposure, f.HighRisks, f.CriticalRisks = ra.Exposure(), ra.AtOrAbove(risk.High), ra.AtOrAbove(risk.Critical)
		f.OpenFindings = ra.OpenFindings()
	}
	if bc != nil && len(bc.Peers) > 0 {
		score := bc.Peers[0].Score
		f.NearestPeer, f.PeerScore = bc.Peers[0].Country, &score
	}
	return f
}

// side computes the key figures, the risk assessment and, with countries,
// the benchmark comparison of every scenario of a set, in its order.
func side(set *model.Set, countries []*model.CountryFile, opts analysis.Options) ([]Figures, []*risk.Assessment, []*benchmarks.Comparison) {
	out := make([]Figures, 0, len(set.Scenarios))
	assessed := make([]*risk.Assessment, 0, len(set.Scenarios))
	var comps []*benchmarks.Comparison
	for _, r := range set.Scenarios {
		a := analysis.Analyze(r, opts)
		ra, _ := risk.Assess(r, a, risk.Options{Analysis: opts})
		assessed = append(assessed, ra)
		var bc *benchmarks.Comparison
		if len(countries) > 0 {
			bc = benchmarks.Compare(r, a, countries)
			comps = append(comps, bc)
		}
		f := KeyFigures(r, a, ra, bc)
		f.Baseline = r == set.Baseline
		out = append(out, f)
	}
	return out, assessed, comps
}

// Compare sets the scenarios of a set side by side and, when the study (the
// options' or the set's) has criteria, ranks them and measures how the
// ranking holds when the weights move.
func Compare(set *model.Set, opts Options) *Result {
	study := opts.Study
	if study == nil {
		study = set.Study
	}
	figs, assessed, comps := side(set, opts.Countries, opts.Analysis.OnStudy(study, set.Scenarios))
	res := &Result{Scenarios: figs, Triage: risk.CheckTriage(assessed)}
	baseline := ""
	if set.Baseline != nil {
		baseline = set.Baseline.Header.ID
	}
	res.Peers = benchmarks.Contrasts(comps, baseline)
	if study == nil {
		return res
	}
	if len(study.Criteria) == 0 {
		res.Recommendation = recommend(study, res.Scenarios, nil)
		return res
	}
	res.Study = study.Header.ID
	res.Ranking = Rank(study, res.Scenarios)
	res.Recommendation = recommend(study, res.Scenarios, res.Ranking)
	draws := opts.Draws
	if draws == 0 {
		draws = DefaultDraws
	}
	if draws > MaxDraws {
		draws = MaxDraws
	}
	res.Sensitivity = Sensitize(res.Ranking, opts.Seed, draws)
	return res
}
