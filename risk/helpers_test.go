package risk

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// memFiles serves files from memory, falling back to testdata/.
type memFiles map[string][]byte

func (m memFiles) ReadFile(name string) ([]byte, error) {
	if b, ok := m[name]; ok {
		return b, nil
	}
	if b, err := os.ReadFile(path.Join("testdata", name)); err == nil {
		return b, nil
	}
	return nil, fs.ErrNotExist
}

// load resolves a scenario from memory (territory pays.yaml from testdata)
// and fails on any error diagnostic.
func load(t testing.TB, text string) *model.Resolved {
	t.Helper()
	l := &model.Loader{Files: memFiles{"scenario.yaml": []byte(text)}}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Fatalf("fixture errors:\n%v\n%s", ds, text)
	}
	return r
}

// loadFile resolves a scenario file under testdata/.
func loadFile(t testing.TB, name string) *model.Resolved {
	t.Helper()
	b, err := os.ReadFile(path.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return load(t, string(b))
}

// The sections of a scenario with no structural weakness: every stage and
// mandate has one accountable unit, eligibility and grievance are apart, no
// span is wide, the board has independent members, staff meets the standard,
// a national channel serves the stages, the one interface is an API with an
// agreement and a legal basis, no system carries three stages, and the one
// risk is medium, mitigated and owned by a unit.
var cleanOrder = []string{"header", "actors", "bodies", "profiles", "units", "mandates", "chain", "channels", "demand", "systems", "interfaces", "assumptions", "risks"}

var clean = map[string]string{
	"header": `scenario: { id: clean, title: Propre, territory: pays.yaml, currency: XOF, year: 2027 }`,
	"actors": `actors:
  - { id: mef, name: Finances, kind: ministry }
  - { id: poste, name: Poste, kind: operator }`,
	"bodies": `bodies:
  - { id: ca, name: Conseil, kind: board, chair: mef, members: [mef], independentMembers: 2 }`,
	"profiles": `profiles:
  - { id: cadre, title: Cadre, annualCost: 100 }
  - { id: agent, title: Agent, annualCost: 10, frontOffice: true }`,
	"units": `units:
  - { id: dg, name: DG, kind: executive, reportsTo: ca, staff: [ { profile: cadre, count: 2 } ] }
  - { id: dir-a, name: Direction A, kind: directorate, reportsTo: dg, staff: [ { profile: cadre, count: 2 } ] }
  - { id: dir-b, name: Direction B, kind: directorate, reportsTo: dg, staff: [ { profile: cadre, count: 2 } ] }
  - { id: dr, name: "DR {territory}", kind: delegation, tier: regional, reportsTo: dg, per: region,
      staff: [ { profile: agent, onePer: 10000, of: households } ] }`,
	"mandates": `mandates:
  - { id: m-a, title: Mandat A, function: strategy, accountable: dir-a }
  - { id: m-b, title: Mandat B, function: finance, accountable: dir-b }`,
	"chain": `chain:
  - { stage: outreach, accountable: dir-a }
  - { stage: intake, accountable: dir-a }
  - { stage: assessment, accountable: dir-a }
  - { stage: eligibility, accountable: dir-a, systems: [sys-a] }
  - { stage: enrolment, accountable: dir-a }
  - { stage: onboarding, accountable: dir-b }
  - { stage: payment, accountable: dir-b, systems: [sys-b] }
  - { stage: updates, accountable: dir-b }
  - { stage: grievance, accountable: dir-b }
  - { stage: exit, accountable: dir-b }`,
	"channels": `channels:
  - { id: portail, name: Portail, kind: digital, operator: agency, stages: [intake, grievance] }`,
	"demand": `demand:
  households: 100000
  distribution: households
  standards:
    - { profile: agent, onePer: 10000, of: households, tier: regional }`,
	"systems": `systems:
  - { id: sys-a, name: Système A, owner: dir-a }
  - { id: sys-b, name: Système B, owner: dir-b }`,
	"interfaces": `interfaces:
  - { id: i-ab, from: sys-a, to: sys-b, stages: [payment], personalData: true, mode: api, agreement: signed, legalBasis: Loi 1 }`,
	"assumptions": ``,
	"risks": `risks:
  - id: r-a
    title: Risque A
    category: operational
    owner: dir-a
    likelihood: { low: 2, likely: 3, high: 4 }
    impact: 3
    mitigations:
      - { id: mit-a, title: Mesure A, reduces: likelihood, by: 1, cost: 1000, status: done }`,
}

// scenario writes the clean scenario with some sections replaced.
func scenario(replace map[string]string) string {
	var b strings.Builder
	for _, k := range cleanOrder {
		s, ok := replace[k]
		if !ok {
			s = clean[k]
		}
		if s != "" {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}
