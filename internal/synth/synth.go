// Package synth generates synthetic scenarios in format v1 at national scale
// and beyond, for benchmarks and load tests: a territory of 12 regions, 75
// provinces and N communes, units replicated per region, province and commune,
// about 50 central units, 40 actors, 30 systems, 120 interfaces and 300 risks
// with triangular likelihoods. The output depends only on N.
package synth

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
)

// The sizes of the workloads.
const (
	National = 1503  // communes in Morocco's 2024 geography
	TenTimes = 15030 // ten times that
)

// FS is a set of files in memory, by name; it reads as a model.Files.
type FS map[string][]byte

// ReadFile returns the named file's bytes.
func (f FS) ReadFile(name string) ([]byte, error) {
	if b, ok := f[name]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Files returns the territory and scenario files for n communes, named
// territory.yaml and scenario.yaml (the scenario names the territory beside it).
func Files(n int) FS {
	rng := rand.New(rand.NewPCG(uint64(n), 59_23))
	return FS{
		"territory.yaml": territory(n, rng),
		"scenario.yaml":  scenario(rng),
	}
}

const regions, provinces = 12, 75

func territory(n int, rng *rand.Rand) []byte {
	var b strings.Builder
	b.WriteString("territory:\n  id: synth\n  name: Territoire synthétique\n  levels: [region, province, commune]\n")
	b.WriteString("  sources: [ { id: synth, title: Données générées par internal/synth, reliability: secondary } ]\nunits:\n")
	pop := make([]int, n)
	for i := range pop {
		pop[i] = 2000 + rng.IntN(60000)
	}
	provPop := make([]int, provinces)
	regPop := make([]int, regions)
	for i, p := range pop {
		provPop[i%provinces] += p
		regPop[(i%provinces)%regions] += p
	}
	for r := range regions {
		fmt.Fprintf(&b, "  - { id: r%02d, name: Région %d, level: region, population: %d, households: %d, source: synth }\n", r, r+1, regPop[r], regPop[r]/4)
	}
	for p := range provinces {
		fmt.Fprintf(&b, "  - { id: p%03d, name: Province %d, level: province, parent: r%02d, population: %d, households: %d, source: synth }\n", p, p+1, p%regions, provPop[p], provPop[p]/4)
	}
	for c, cp := range pop {
		fmt.Fprintf(&b, "  - { id: c%05d, name: Commune %d, level: commune, parent: p%03d, population: %d, households: %d, source: synth }\n", c, c+1, c%provinces, cp, cp/4)
	}
	return []byte(b.String())
}

var stages = []string{"outreach", "intake", "assessment", "eligibility", "enrolment", "onboarding", "payment", "updates", "grievance", "exit"}

func scenario(rng *rand.Rand) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("scenario: { id: synth, title: Scénario synthétique, territory: territory.yaml, currency: MAD, year: 2028 }\n")
	w("institution: { legalForm: autonomous-agency, supervision: actor-00, financialAutonomy: true, staffStatus: own-statute, registry: separate, payments: outsourced }\n")
	w("phases:\n  - { id: ph-1, title: Siège, start: 2027-01 }\n  - { id: ph-2, title: Régions, start: 2028-01 }\n  - { id: ph-3, title: Communes, start: 2029-01 }\n")
	kinds := []string{"ministry", "government", "agency", "operator", "local-authority", "social-security", "civil-society", "international", "private", "oversight"}
	w("actors:\n")
	for i := range 40 {
		w("  - { id: actor-%02d, name: Acteur %d, kind: %s }\n", i, i, kinds[i%len(kinds)])
	}
	w("bodies:\n  - { id: ca, name: Conseil d'administration, kind: board, chair: actor-00, members: [actor-01, actor-02, actor-03], independentMembers: 3 }\n")
	w("profiles:\n  - { id: cadre, title: Cadre, annualCost: 300000 }\n  - { id: agent, title: Agent d'accueil, annualCost: 120000, frontOffice: true }\n")
	w("units:\n  - { id: dg, name: Direction générale, kind: executive, reportsTo: ca, phase: ph-1, staff: [ { profile: cadre, count: 5 } ] }\n")
	for i := range 49 {
		parent := "dg"
		if i >= 7 {
			parent = fmt.Sprintf("u%02d", i%7)
		}
		kind := "directorate"
		if i >= 7 {
			kind = "division"
		}
		w("  - { id: u%02d, name: Unité centrale %d, kind: %s, reportsTo: %s, phase: ph-1, staff: [ { profile: cadre, count: %d } ] }\n", i, i, kind, parent, 3+rng.IntN(10))
	}
	w("  - { id: dr, name: \"Délégation {territory}\", kind: delegation, tier: regional, reportsTo: u00, per: region, phase: ph-2,\n")
	w("      cost: { setup: 2000000, annual: 500000 }, staff: [ { profile: cadre, count: 4 }, { profile: agent, onePer: 40000, of: households } ] }\n")
	w("  - { id: ap, name: \"Antenne {territory}\", kind: office, tier: provincial, reportsTo: dr, per: province, phase: ph-2,\n")
	w("      cost: { setup: 500000, annual: 150000 }, staff: [ { profile: agent, onePer: 15000, of: households } ] }\n")
	w("  - { id: pc, name: \"Point {territory}\", kind: office, tier: local, reportsTo: ap, per: commune, phase: ph-3,\n")
	w("      staff: [ { profile: agent, count: 1 } ] }\n")
	w("channels:\n  - { id: portail, name: Portail, kind: digital, operator: agency, stages: [intake, updates, grievance] }\n")
	w("  - { id: guichets, name: Guichets partenaires, kind: partner-counter, operator: actor-04, per: province, stages: [intake, grievance] }\n")
	w("chain:\n")
	for i, s := range stages {
		w("  - { stage: %s, accountable: u%02d, responsible: [dr, ap], systems: [sys-%02d, sys-%02d] }\n", s, i%7, i, (i+1)%30)
	}
	w("demand:\n  households: 4000000\n  distribution: households\n  standards:\n    - { profile: agent, onePer: 30000, of: households, tier: regional }\n    - { profile: agent, onePer: 12000, of: households, tier: provincial }\n")
	w("systems:\n")
	for i := range 30 {
		w("  - { id: sys-%02d, name: Système %d, owner: u%02d }\n", i, i, i%7)
	}
	modes := []string{"manual", "file", "batch", "api", "event"}
	agreements := []string{"none", "draft", "signed"}
	w("interfaces:\n")
	for i := range 120 {
		from, to := rng.IntN(30), rng.IntN(30)
		if to == from {
			to = (from + 1) % 30
		}
		w("  - { id: if-%03d, from: sys-%02d, to: sys-%02d, stages: [%s], personalData: %t, mode: %s, agreement: %s }\n",
			i, from, to, stages[rng.IntN(len(stages))], rng.IntN(2) == 0, modes[rng.IntN(len(modes))], agreements[rng.IntN(len(agreements))])
	}
	categories := []string{"governance", "operational", "information-systems", "hr", "financial", "legal", "reputational"}
	w("risks:\n")
	for i := range 300 {
		low := 1 + rng.IntN(3)
		likely := low + rng.IntN(2)
		high := min(5, likely+rng.IntN(2))
		w("  - { id: risk-%03d, title: Risque %d, category: %s, owner: u%02d, likelihood: { low: %d, likely: %d, high: %d }, impact: %d,\n",
			i, i, categories[i%len(categories)], i%49, low, likely, high, 1+rng.IntN(5))
		w("      mitigations: [ { id: mit-%03d, title: Mesure %d, reduces: likelihood, by: 1, cost: %d, status: planned } ] }\n", i, i, 100000*(1+rng.IntN(20)))
	}
	return []byte(b.String())
}
