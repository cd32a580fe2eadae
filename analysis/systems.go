package analysis

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// systems draws the interoperability picture. The agency's boundary decides
// two of its figures: personal data exchanged between two of the agency's own
// systems is internal and needs no data-sharing agreement, and an exchange
// between two outside parties' systems (the registry's two registers, say)
// is not the agency's to sign; a system's dependent stages are those whose
// chain entries name it plus those of the interfaces that cross the boundary
// (an exchange on one side of it adds none: the chain already says which
// systems a stage runs on, and describing the plumbing between them must not
// make a system critical).
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
	b := newBoundary(r)
	for _, in := range r.Interfaces {
		mode := in.Mode
		if mode == "" {
			mode = "unspecified"
		}
		modes[mode]++
		crosses := b.crosses(in.From, in.To)
		if crosses {
			stagesOf[in.From] = append(stagesOf[in.From], in.Stages...)
			stagesOf[in.To] = append(stagesOf[in.To], in.Stages...)
		}
		issue := InterfaceIssue{Interface: in.ID, From: in.From, To: in.To, Mode: in.Mode, Stages: in.Stages}
		if in.PersonalData && crosses {
			var problems []string
			if in.Agreement != "signed" {
				problems = append(problems, "no-signed-agreement")
			}
			if in.LegalBasis == "" {
				problems = append(problems, "no-legal-basis")
			}
			if problems != nil {
				issue.Problems = problems
				issue.BoundaryUnknown = b.unknown(in.From) || b.unknown(in.To)
				s.PersonalData = append(s.PersonalData, issue)
			}
		}
		if (in.Mode == "manual" || in.Mode == "file") && len(in.Stages) > 0 {
			issue.Problems, issue.BoundaryUnknown = []string{in.Mode}, false
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
		s.Dependencies = append(s.Dependencies, StageDependency{System: sys.ID, Name: sys.Name, Stages: stages,
			Continuity: sys.Continuity != nil})
	}
	byCountDesc(s.Dependencies, func(d StageDependency) int { return len(d.Stages) }, func(d StageDependency) string { return d.System })
	for _, d := range s.Dependencies {
		if len(d.Stages) >= critical {
			s.Critical = append(s.Critical, d.System)
		}
	}
	return s
}

// boundary tells the agency's own systems from the others: a system is the
// agency's when its owner is one of the agency's units (a replicated unit's
// template stands for its instances) or `agency` itself. A system without an
// owner is on neither side: its boundary is unknown, and an exchange with it
// counts as crossing.
type boundary struct{ r *model.Resolved }

func newBoundary(r *model.Resolved) boundary { return boundary{r: r} }

// crosses reports whether an exchange between two systems crosses the
// agency's boundary: one end is the agency's and the other an outside
// party's, or either end's owner is unknown. Two of the agency's systems
// exchange inside it; two outside parties' systems outside it.
func (b boundary) crosses(from, to string) bool {
	if b.unknown(from) || b.unknown(to) {
		return true
	}
	return b.owns(from) != b.owns(to)
}

// owns reports whether the system is the agency's.
func (b boundary) owns(system string) bool {
	sys := b.system(system)
	return sys != nil && (sys.Owner == model.Reserved || b.r.Unit(sys.Owner) != nil)
}

// unknown reports whether the system has no owner.
func (b boundary) unknown(system string) bool {
	sys := b.system(system)
	return sys == nil || sys.Owner == ""
}

func (b boundary) system(id string) *model.System {
	if e := b.r.Lookup(id); e != nil {
		if sys, ok := e.Item.(*model.System); ok {
			return sys
		}
	}
	return nil
}
