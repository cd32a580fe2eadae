package benchmarks

import (
	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// party classifies a scenario's accountable in the terms of the country
// files: the agency's own units, bodies and channels are the agency; an actor
// by its kind, an agency actor that keeps a registry system being the registry
// agency.
func party(r *model.Resolved, id string) Party {
	if id == model.Reserved {
		return Party{Party: "agency", Who: id}
	}
	e := r.Lookup(id)
	if e == nil {
		return Party{Party: "unknown", Who: id}
	}
	switch it := e.Item.(type) {
	case *model.Unit:
		return Party{Party: "agency", Who: it.Name}
	case *model.Body:
		return Party{Party: "agency", Who: it.Name}
	case *model.Channel:
		if it.Operator == "" || it.Operator == model.Reserved {
			return Party{Party: "agency", Who: it.Name}
		}
		return party(r, it.Operator)
	case *model.Actor:
		p := Party{Party: "other", Who: it.Name}
		switch it.Kind {
		case "ministry", "government":
			p.Party = "ministry"
		case "social-security":
			p.Party = "social-security"
		case "local-authority":
			p.Party = "local-government"
		case "agency":
			for _, s := range r.Systems {
				if s.Owner == it.ID && s.Kind == "registry" {
					p.Party = "registry-agency"
				}
			}
		}
		return p
	}
	return Party{Party: "other", Who: id}
}

func chain(r *model.Resolved, a *analysis.Analysis, countries []*model.CountryFile) []StageRow {
	var rows []StageRow
	for _, st := range a.RACI.Stages {
		row := StageRow{Stage: st.Stage, Scenario: []Party{}}
		for _, acc := range st.Accountable {
			row.Scenario = append(row.Scenario, party(r, acc))
		}
		for _, cf := range countries {
			p := Party{Party: "unknown"}
			for _, cs := range cf.Chain {
				if cs.Stage == st.Stage {
					p = Party{Party: cs.Accountable, Who: cs.Who, Source: cs.Source}
					break
				}
			}
			row.Countries = append(row.Countries, p)
		}
		rows = append(rows, row)
	}
	return rows
}
