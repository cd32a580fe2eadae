package analysis

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

func systems(r *model.Resolved, critical int) Systems {
	s := Systems{Interfaces: len(r.Interfaces), ByMode: []ModeCount{}, PersonalData: []InterfaceIssue{}, Manual: []InterfaceIssue{},
		Dependencies: []StageDependency{}, Critical: []string{}}
	modes := map[string]int{}
	stagesOf := map[string][]string{}
	for _, e := range r.Chain {
		for _, sys := range e.Systems {
			stagesOf[sys] = append(stagesOf[sys], e.Stage)
		}
	}
	for _, in := range r.Interfaces {
		mode := in.Mode
		if mode == "" {
			mode = "unspecified"
		}
		modes[mode]++
		stagesOf[in.From] = append(stagesOf[in.From], in.Stages...)
		stagesOf[in.To] = append(stagesOf[in.To], in.Stages...)
		issue := InterfaceIssue{Interface: in.ID, From: in.From, To: in.To, Mode: in.Mode, Stages: in.Stages}
		if in.PersonalData {
			var problems []string
			if in.Agreement != "signed" {
				problems = append(problems, "no-signed-agreement")
			}
			if in.LegalBasis == "" {
				problems = append(problems, "no-legal-basis")
			}
			if problems != nil {
				issue.Problems = problems
				s.PersonalData = append(s.PersonalData, issue)
			}
		}
		if (in.Mode == "manual" || in.Mode == "file") && len(in.Stages) > 0 {
			issue.Problems = []string{in.Mode}
			s.Manual = append(s.Manual, issue)
		}
	}
	for _, m := range append(slices.Clone(model.InterfaceModes), "unspecified") {
		if n := modes[m]; n > 0 {
			s.ByMode = append(s.ByMode, ModeCount{Mode: m, Interfaces: n})
		}
	}
	for _, sys := range r.Systems {
		var stages []string
		for _, st := range model.Stages { // in chain order
			if slices.Contains(stagesOf[sys.ID], st) {
				stages = append(stages, st)
			}
		}
		if len(stages) == 0 {
			continue
		}
		s.Dependencies = append(s.Dependencies, StageDependency{System: sys.ID, Name: sys.Name, Stages: stages})
	}
	byCountDesc(s.Dependencies, func(d StageDependency) int { return len(d.Stages) }, func(d StageDependency) string { return d.System })
	for _, d := range s.Dependencies {
		if len(d.Stages) >= critical {
			s.Critical = append(s.Critical, d.System)
		}
	}
	return s
}
