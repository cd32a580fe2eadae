package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStudyWithBrokenScenario: a study whose scenario file does not parse
// reports that file's error, not every score that names its id.
func TestStudyWithBrokenScenario(t *testing.T) {
	dir := t.TempDir()
	src, err := filepath.Glob("../scenarios/*.yaml")
	if err != nil || len(src) == 0 {
		t.Fatal("no default scenarios", err)
	}
	for _, s := range src {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(s) == "anas-centrale.yaml" {
			b = append(b, "x: [\n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := &Loader{Files: OSFiles{}}
	_, diags, err := l.LoadSet([]string{filepath.ToSlash(filepath.Join(dir, "etude.yaml"))})
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, d := range diags {
		if d.Severity == Error {
			errs = append(errs, d.String())
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "anas-centrale.yaml:") || !strings.Contains(errs[0], "[yaml-syntax]") {
		t.Errorf("errors %q, want the syntax error of anas-centrale.yaml alone", errs)
	}
}

// TestStudyFieldsOfV11 checks the study's additions of format v1.1: status,
// horizon, discount rate, a criterion's fixed scale, and a score's group.
func TestStudyFieldsOfV11(t *testing.T) {
	const study = `study:
  id: e
  title: E
  status: draft
  horizon: 5
  discountRate: 0.05
  scenarios: [ { file: s.yaml } ]
stakeholders:
  - { id: p1, name: P1, group: agence }
criteria:
  - { id: c1, title: Coût, metric: payroll, scale: { worst: 1000, best: 0 } }
  - { id: c2, title: Note, scored: true }
scores:
  - { criterion: c2, scenario: s, value: 3, group: agence }
`
	cases := []struct{ name, old, new, want string }{
		{"valid", "", "", ""},
		{"unknown status", "status: draft", "status: provisoire",
			"e.yaml:4:11: error: the study: \"provisoire\" is not a known status [unknown-value]\n    hint: one of: draft, consultation, final\n"},
		{"horizon out of range", "horizon: 5", "horizon: 0",
			"e.yaml:5:12: error: the study's horizon 0 is outside 1–50 years [out-of-range]\n    hint: the number of years the costs are laid out over, e.g. horizon: 5\n"},
		{"discount rate as a percentage", "discountRate: 0.05", "discountRate: 5",
			"e.yaml:6:17: error: the study's discount rate 5 is not a fraction from 0 to 1 [out-of-range]\n    hint: a fraction: 0.05 for 5 % a year\n"},
		{"scale contradicts direction", "metric: payroll,", "metric: payroll, direction: max,",
			"e.yaml:11:56: error: criterion \"c1\": direction \"max\" contradicts its scale (worst 1000, best 0 means min) [conflicting-fields]\n    hint: remove `direction`: the scale says it\n"},
		{"scale with equal ends", "best: 0", "best: 1000",
			"e.yaml:11:73: error: criterion \"c1\": the scale's worst and best values are the same (1000) [out-of-range]\n"},
		{"scale on a scored criterion", "scored: true }", "scored: true, scale: { worst: 1, best: 5 } }",
			"e.yaml:12:49: error: criterion \"c2\" is scored in workshops: it cannot declare a scale [conflicting-fields]\n    hint: scores are normalised on their fixed 1–5 scale: remove `scale`\n"},
		{"score of a group no stakeholder has", "value: 3, group: agence", "value: 3, group: agences",
			"e.yaml:14:52: error: score of \"s\" on \"c2\": no stakeholder is in group \"agences\" [unknown-reference]\n    hint: did you mean `agence`?\n"},
		// A weight's group would add a group to the combined mean: an error too.
		{"weight of a group no stakeholder has", "scored: true }", "scored: true, weights: { agences: 2, all: 1 } }",
			"e.yaml:12:51: error: criterion \"c2\": no stakeholder is in group \"agences\" [unknown-reference]\n    hint: did you mean `agence`?\n"},
		{"score of a group far from any", "value: 3, group: agence", "value: 3, group: bailleurs",
			"e.yaml:14:52: error: score of \"s\" on \"c2\": no stakeholder is in group \"bailleurs\" [unknown-reference]\n    hint: one of: agence\n"},
		{"weight of a group far from any", "scored: true }", "scored: true, weights: { bailleurs: 2 } }",
			"e.yaml:12:51: error: criterion \"c2\": no stakeholder is in group \"bailleurs\" [unknown-reference]\n    hint: one of: agence\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := study
			if tc.old != "" {
				if !strings.Contains(src, tc.old) {
					t.Fatalf("study does not contain %q", tc.old)
				}
				src = strings.Replace(src, tc.old, tc.new, 1)
			}
			l := &Loader{Files: mapFiles{"e.yaml": src, "s.yaml": base, "t.yaml": territory}}
			_, ds, err := l.LoadSet([]string{"e.yaml"})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := WriteText(&b, ds); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tc.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
