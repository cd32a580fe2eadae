package risk

import (
	"reflect"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/scenarios"
)

// TestTriage: a register risk with `finding:` accepts a finding (scored by
// its own levels and mitigations, it replaces the finding, counts in the
// exposure and the heat maps and shows the finding it accepts); `dismissed:`
// sets one aside with its reason; the others stay open and count for
// nothing but the open findings.
func TestTriage(t *testing.T) {
	text := scenario(map[string]string{
		"bodies":     strings.Replace(clean["bodies"], "independentMembers: 2", "independentMembers: 0", 1),
		"chain":      strings.Replace(clean["chain"], "{ stage: exit, accountable: dir-b }", "{ stage: exit, responsible: [dir-b] }", 1),
		"systems":    outside, // i-ab leaves the agency: it is a finding now
		"interfaces": strings.Replace(clean["interfaces"], ", legalBasis: Loi 1", "", 1),
		"risks": clean["risks"] + `
  - { id: r-conseil, title: Conseil sans indépendants, category: governance, owner: dg, finding: board-without-independents-ca,
      likelihood: 4, impact: 4, mitigations: [ { id: mit-ind, title: Indépendants, reduces: likelihood, by: 2 } ] }
dismissed:
  - { finding: stage-no-accountable-exit, reason: "  La sortie est automatique : aucun agent n'en décide.  " }`,
	})
	a, ds := Assess(load(t, text), nil, Options{})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	status := map[string][3]string{}
	for _, f := range a.Findings {
		status[f.ID] = [3]string{f.Status, f.AcceptedBy, f.Reason}
	}
	want := map[string][3]string{
		"board-without-independents-ca":  {Accepted, "r-conseil", ""},
		"stage-no-accountable-exit":      {Dismissed, "", "La sortie est automatique : aucun agent n'en décide."},
		"personal-data-unprotected-i-ab": {Open, "", ""},
	}
	if !reflect.DeepEqual(status, want) {
		t.Errorf("findings = %v, want %v", status, want)
	}
	// The register: r-a (3×3 − 1 on likelihood: 2×3 = 6) and r-conseil (4×4,
	// likelihood −2: 2×4 = 8); the open finding (3×4 = 12) counts for nothing.
	if got := a.Exposure(); got != 6+8 {
		t.Errorf("exposure = %d, want 14", got)
	}
	if a.OpenFindings() != 1 || a.OpenAtOrAbove(High) != 1 || a.OpenAtOrAbove(Critical) != 0 || a.AtOrAbove(Medium) != 2 {
		t.Errorf("open %d, open high %d, open critical %d, register medium+ %d; want 1, 1, 0, 2",
			a.OpenFindings(), a.OpenAtOrAbove(High), a.OpenAtOrAbove(Critical), a.AtOrAbove(Medium))
	}
	var accepted *Item
	for i := range a.Risks {
		if a.Risks[i].ID == "r-conseil" {
			accepted = &a.Risks[i]
		}
	}
	if accepted == nil || accepted.Finding != "board-without-independents-ca" || accepted.Residual != NewScore(2, 4) || accepted.Owner != "dg" ||
		!strings.HasPrefix(accepted.Explanation, "Conseil (ca) ne compte aucun membre indépendant") {
		t.Errorf("accepting risk = %+v", accepted)
	}
	cells := 0
	for _, row := range a.Matrix.Residual {
		for _, n := range row {
			cells += n
		}
	}
	if cells != 2 || a.Matrix.Inherent[3][3] != 1 {
		t.Errorf("heat maps hold %d risks (want the register's 2) and inherent 4×4 = %d", cells, a.Matrix.Inherent[3][3])
	}
}

// triageFiles: a shared context dismissing a finding one option produces
// and the other does not, and two stale triages; option a has a board
// without independents, option b no one accountable for exit.
var triageFiles = memFiles{
	"common.yaml": []byte(`scenario: { id: common, title: Commun, partial: true }
dismissed:
  - { finding: board-without-independents-ca, reason: Le décret prévoit des indépendants. }
  - { finding: critical-system-sys-z, reason: Système abandonné. }
risks:
  - { id: r-typo, title: Typo, category: governance, owner: dir-a, likelihood: 1, impact: 1,
      finding: stage-no-accountable-exi }
`),
	"a.yaml": []byte(scenario(map[string]string{
		"header": strings.Replace(clean["header"], "id: clean", "id: a, extends: common.yaml", 1),
		"bodies": strings.Replace(clean["bodies"], "independentMembers: 2", "independentMembers: 0", 1)})),
	"b.yaml": []byte(scenario(map[string]string{
		"header": strings.Replace(clean["header"], "id: clean", "id: b, extends: common.yaml", 1),
		"chain":  strings.Replace(clean["chain"], "{ stage: exit, accountable: dir-b }", "{ stage: exit, responsible: [dir-b] }", 1)})),
}

func triageSet(t *testing.T, names ...string) []*Assessment {
	t.Helper()
	l := &model.Loader{Files: triageFiles}
	var list []*Assessment
	for _, name := range names {
		r, ds, err := l.Scenario(name)
		if err != nil || ds.HasErrors() {
			t.Fatal(err, ds)
		}
		a, _ := Assess(r, nil, Options{})
		list = append(list, a)
	}
	return list
}

// TestCheckTriage: an inherited triage warns only when no scenario of the
// set that inherits it produces the finding, at its `finding:` value, with
// the nearest finding those scenarios produce; each warning has its words.
func TestCheckTriage(t *testing.T) {
	both := CheckTriage(triageSet(t, "a.yaml", "b.yaml"))
	want := `common.yaml:4:16: warning: the rules produce no finding "critical-system-sys-z" in a, b [unknown-finding]
    hint: ` + "`orgdesign risk`" + ` lists each scenario's findings and their ids
common.yaml:7:16: warning: the rules produce no finding "stage-no-accountable-exi" in a, b [unknown-finding]
    hint: did you mean ` + "`stage-no-accountable-exit`" + `?
`
	if got := diagText(both); got != want {
		t.Errorf("a and b:\n%s\nwant:\n%s", got, want)
	}
	for _, d := range both {
		if d.Say.Key != CodeUnknownFinding || d.Say.Args[0] == "" || d.Say.Args[1] != "a, b" {
			t.Errorf("%s: words %+v", d, d.Say)
		}
	}
	if d := both[1]; d.SayHint.Key != "did-you-mean" || d.SayHint.Args[0] != "stage-no-accountable-exit" {
		t.Errorf("hint words %+v", d.SayHint)
	}
	// Alone, b does not produce the board's finding that a does: the dismissal
	// it inherits is stale in a set of b alone, not in a set with a.
	alone := diagText(CheckTriage(triageSet(t, "b.yaml")))
	if !strings.Contains(alone, `common.yaml:3:16: warning: the rules produce no finding "board-without-independents-ca" in b [unknown-finding]`) ||
		strings.Count(alone, "warning") != 3 {
		t.Errorf("b alone:\n%s", alone)
	}
	if got := CheckScenarios(nil, analysis.Options{}); len(got) != 0 {
		t.Errorf("no scenario: %v", got)
	}
}

func diagText(ds model.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
		if d.Hint != "" {
			b.WriteString("    hint: " + d.Hint + "\n")
		}
	}
	return b.String()
}

// TestFindingIDsOfTheDefaultStudy: on the default study's scenarios, every
// finding's id is unique within its scenario and a valid finding id (so a
// scenario can triage it); every triage names a finding the rules produce.
// What an id is made of is TestRules', against literal ids.
func TestFindingIDsOfTheDefaultStudy(t *testing.T) {
	l := &model.Loader{Files: scenarios.Files()}
	set, ds, err := l.LoadSet([]string{scenarios.Study})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	total := 0
	for _, r := range set.Scenarios {
		a, _ := Assess(r, nil, Options{})
		seen := map[string]bool{}
		for _, f := range a.Findings {
			total++
			if seen[f.ID] || !model.ValidID(f.ID) {
				t.Errorf("%s: finding %q (rule %s, subjects %v) is repeated or not a valid finding id", r.Header.ID, f.ID, f.Rule, f.Subjects)
			}
			seen[f.ID] = true
		}
	}
	if total == 0 {
		t.Error("no finding on the default study: the test checks nothing")
	}
	if got := CheckScenarios(set.Scenarios, analysis.Options{}); len(got) != 0 {
		t.Errorf("a triage of the default study names no finding of its scenarios: %v", got)
	}
}
