package benchmarks

import (
	"embed"
	"io/fs"
	"slices"
	"sync"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

//go:embed instruments/*.yaml
var instrumentFiles embed.FS

// InstrumentNames lists the embedded instrument files.
func InstrumentNames() []string {
	entries, _ := fs.ReadDir(instrumentFiles, "instruments")
	var out []string
	for _, e := range entries {
		out = append(out, Dir+"/instruments/"+e.Name())
	}
	return out
}

// InstrumentFiles serves the embedded instrument files as benchmarks/instruments/ID.yaml.
func InstrumentFiles() model.Files { return model.PrefixFS{FS: instrumentFiles, Prefix: Dir + "/"} }

// Instruments reads the embedded international instruments. They are parsed
// once per process: every command start and the benchmark report ask for them.
// The files are shared; callers must not modify them.
func Instruments() ([]*model.InstrumentFile, model.Diagnostics, error) {
	p := parsedInstruments()
	return slices.Clone(p.files), slices.Clone(p.diags), p.err
}

type instrumentSet struct {
	files []*model.InstrumentFile
	diags model.Diagnostics
	err   error
}

var parsedInstruments = sync.OnceValue(func() instrumentSet {
	l := &model.Loader{Files: InstrumentFiles()}
	var out []*model.InstrumentFile
	var all model.Diagnostics
	for _, n := range InstrumentNames() {
		f, ds, err := l.Instrument(n)
		if err != nil {
			return instrumentSet{err: err}
		}
		all = append(all, ds...)
		if f != nil && !ds.HasErrors() {
			out = append(out, f)
		}
	}
	return instrumentSet{files: out, diags: all.Sort()}
})

// Criteria returns the ids of every criterion of the instruments, for validating assessments.
func Criteria(instruments []*model.InstrumentFile) map[string]bool {
	m := map[string]bool{}
	for _, in := range instruments {
		for _, c := range in.Criteria {
			m[c.ID] = true
		}
	}
	return m
}

// ScoreRow is one criterion of an instrument with the scenario's rating and
// what the structure itself says about it.
type ScoreRow struct {
	Instrument string     `json:"instrument"`
	Criterion  string     `json:"criterion"`
	Title      string     `json:"title"`
	TitleEn    string     `json:"titleEn,omitempty"`
	Rating     int        `json:"rating,omitempty"` // 0: not rated
	Evidence   string     `json:"evidence,omitempty"`
	Proposals  []Proposal `json:"proposals"`
}

// Proposal is a reading of the structure that supports or weakens a criterion.
type Proposal struct {
	Effect string `json:"effect"` // supports or weakens
	Reason string `json:"reason"` // a code the report translates: see the rules
	Detail string `json:"detail,omitempty"`
}

// rule reads the analysis for one criterion.
type rule struct {
	criteria []string
	check    func(r *model.Resolved, a *analysis.Analysis) []Proposal
}

// rules are the structural readings behind the proposed ratings, each with
// its reason (the report words them in the chosen language).
var rules = []rule{
	{[]string{"codi-plaintes", "r202-recours", "wb-gerer"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		var out []Proposal
		if slices.Contains(a.RACI.Gaps, "grievance") {
			out = append(out, Proposal{Effect: "weakens", Reason: "grievance-no-accountable"})
		}
		for _, c := range a.RACI.Segregation {
			out = append(out, Proposal{Effect: "weakens", Reason: "grievance-not-segregated", Detail: c.Party})
		}
		if !slices.Contains(a.RACI.Gaps, "grievance") && len(a.RACI.Segregation) == 0 {
			out = append(out, Proposal{Effect: "supports", Reason: "grievance-segregated"})
		}
		return out
	}},
	{[]string{"issa-redevabilite", "r202-gestion-saine"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		switch ind := a.Indicators; {
		case ind.BoardSize == 0:
			return []Proposal{{Effect: "weakens", Reason: "no-board"}}
		case ind.IndependentShare > 0:
			return []Proposal{{Effect: "supports", Reason: "independent-board-members"}}
		default:
			return []Proposal{{Effect: "weakens", Reason: "no-independent-members"}}
		}
	}},
	{[]string{"r202-dignite", "issa-transparence"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		if n := len(a.Systems.PersonalData); n > 0 {
			return []Proposal{{Effect: "weakens", Reason: "personal-data-unprotected", Detail: a.Systems.PersonalData[0].Interface}}
		}
		if a.Systems.Interfaces > 0 {
			return []Proposal{{Effect: "supports", Reason: "personal-data-covered"}}
		}
		return nil
	}},
	{[]string{"codi-se-politique", "codi-se-programme", "r202-suivi"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		for _, m := range a.RACI.Mandates {
			if m.Function == "monitoring-evaluation" {
				if m.Gap {
					return []Proposal{{Effect: "weakens", Reason: "me-no-accountable", Detail: m.Mandate}}
				}
				return []Proposal{{Effect: "supports", Reason: "me-mandate", Detail: m.Mandate}}
			}
		}
		return []Proposal{{Effect: "weakens", Reason: "me-no-mandate"}}
	}},
	{[]string{"wb-evaluer", "wb-inscrire", "wb-fournir", "wb-gerer"}, nil}, // per phase, below
	{[]string{"r202-universalite", "codi-information-programme"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		for _, sc := range a.Capacity.Channels {
			if sc.Stage == "intake" {
				if len(sc.Uncovered) > 0 {
					return []Proposal{{Effect: "weakens", Reason: "intake-uncovered", Detail: sc.Uncovered[0]}}
				}
				return []Proposal{{Effect: "supports", Reason: "intake-everywhere"}}
			}
		}
		return []Proposal{{Effect: "weakens", Reason: "intake-no-channel"}}
	}},
	{[]string{"codi-capacite"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		if a.Capacity.Gap > 0 {
			return []Proposal{{Effect: "weakens", Reason: "capacity-gap"}}
		}
		if a.Capacity.Required > 0 {
			return []Proposal{{Effect: "supports", Reason: "capacity-meets-standards"}}
		}
		return nil
	}},
	{[]string{"r202-coherence"}, func(r *model.Resolved, a *analysis.Analysis) []Proposal {
		if len(a.RACI.Overlaps) > 0 {
			return []Proposal{{Effect: "weakens", Reason: "chain-overlaps", Detail: a.RACI.Overlaps[0]}}
		}
		return nil
	}},
}

// phaseStages are the Sourcebook phases' stages.
var phaseStages = map[string][]string{
	"wb-evaluer":  {"outreach", "intake", "assessment"},
	"wb-inscrire": {"eligibility", "enrolment", "onboarding"},
	"wb-fournir":  {"payment"},
	"wb-gerer":    {"updates", "grievance", "exit"},
}

// Scorecard rates the scenario against every instrument criterion: the
// consultant's ratings (the scenario's assessment) beside what the structure
// supports or contradicts, each with its reason.
func Scorecard(r *model.Resolved, a *analysis.Analysis, instruments []*model.InstrumentFile) []ScoreRow {
	rated := map[string]*model.Assessment{}
	for _, as := range r.Assessment {
		rated[as.Criterion] = as
	}
	proposals := map[string][]Proposal{}
	for _, ru := range rules {
		if ru.check == nil {
			continue
		}
		ps := ru.check(r, a)
		for _, c := range ru.criteria {
			proposals[c] = append(proposals[c], ps...)
		}
	}
	for phase, stages := range phaseStages {
		var gaps []string
		for _, s := range stages {
			if slices.Contains(a.RACI.Gaps, s) {
				gaps = append(gaps, s)
			}
		}
		if len(gaps) > 0 {
			for _, g := range gaps {
				proposals[phase] = append(proposals[phase], Proposal{Effect: "weakens", Reason: "stage-no-accountable", Detail: g})
			}
		} else {
			proposals[phase] = append(proposals[phase], Proposal{Effect: "supports", Reason: "stages-accountable"})
		}
	}
	var rows []ScoreRow
	for _, in := range instruments {
		for _, c := range in.Criteria {
			row := ScoreRow{Instrument: in.Instrument.ID, Criterion: c.ID, Title: c.Title, TitleEn: c.TitleEn, Proposals: proposals[c.ID]}
			if row.Proposals == nil {
				row.Proposals = []Proposal{}
			}
			if as := rated[c.ID]; as != nil {
				row.Rating, row.Evidence = as.Rating, as.Evidence
			}
			rows = append(rows, row)
		}
	}
	return rows
}
