package risk

import (
	"reflect"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

const goodCalibration = `# what the levels mean for this study
calibration:
  currency: XOF
  likelihood: { 1: 0.01, 2: 0.05, 3: 0.2, 4: 0.5, 5: 0.8 }
  impact:
    1: { low: 1000, high: 5000 }
    2: { low: 5000, high: 20000 }
    3: { low: 20000, high: 100000 }
    4: { low: 100000, high: 1_000_000 }
    5: { low: 1e6, high: 5e6 }
`

func TestParseCalibration(t *testing.T) {
	f, ds := ParseCalibration("cal.yaml", []byte(goodCalibration))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if *f.Likelihood != [5]float64{0.01, 0.05, 0.2, 0.5, 0.8} || f.Impact[3] != (CostRange{1e5, 1e6}) || f.Impact[4] != (CostRange{1e6, 5e6}) ||
		f.Currency != "XOF" || f.CurrencyPos != (model.Pos{File: "cal.yaml", Line: 3, Col: 13}) {
		t.Errorf("parsed %+v %+v %+v", f, *f.Likelihood, *f.Impact)
	}
	f, ds = ParseCalibration("cal.yaml", []byte("calibration:\n  likelihood: { 1: 0, 2: 0.1, 3: 0.1, 4: 0.5, 5: 1 }\n"))
	if len(ds) > 0 || f.Impact != nil || f.Likelihood == nil {
		t.Errorf("likelihood only: %+v %v", f, ds)
	}
}

// TestParseCalibrationErrors: every problem, positioned.
func TestParseCalibrationErrors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"syntax", "calibration:\n  likelihood: [1, 2\n", "cal.yaml:1:1: error: did not find expected ',' or ']' [yaml-syntax]"},
		{"empty", "", "cal.yaml:1:1: error: the file is empty [empty-file]"},
		{"not a calibration", "scenario: { id: x }\n", "cal.yaml:1:1: error: unknown field \"scenario\" in the file [unknown-field]"},
		{"no section", "# nothing\n{}\n", "cal.yaml:2:1: error: no `calibration:` section [missing-field]"},
		{"unknown field", "calibration:\n  likelyhood: { 1: 0.1 }\n", "cal.yaml:2:3: error: unknown field \"likelyhood\" in calibration [unknown-field]"},
		{"probability out of range", "calibration:\n  likelihood: { 1: 0.1, 2: 0.2, 3: 1.5, 4: 0.5, 5: 0.9 }\n",
			"cal.yaml:2:36: error: likelihood 3: 1.5 is not a probability (0 to 1) [out-of-range]"},
		{"not a number", "calibration:\n  likelihood: { 1: low, 2: 0.2, 3: 0.3, 4: 0.5, 5: 0.9 }\n",
			"cal.yaml:2:20: error: likelihood 1 must be a number, not \"low\" [type-mismatch]"},
		{"missing levels", "calibration:\n  likelihood: { 1: 0.1, 2: 0.2, 4: 0.5 }\n",
			"cal.yaml:2:15: error: likelihood: level(s) 3, 5 missing: give all five levels [missing-field]"},
		{"level 6", "calibration:\n  likelihood: { 1: 0.1, 2: 0.2, 3: 0.3, 4: 0.5, 5: 0.9, 6: 1 }\n",
			"cal.yaml:2:57: error: likelihood: \"6\" is not a level [out-of-range]"},
		{"less likely", "calibration:\n  likelihood: { 1: 0.1, 2: 0.2, 3: 0.15, 4: 0.5, 5: 0.9 }\n",
			"cal.yaml:2:36: error: likelihood 3: probability 0.15 is below level 2's 0.2: the levels must not become less likely [out-of-range]"},
		{"high below low", strings.Replace(goodCalibration, "{ low: 5000, high: 20000 }", "{ low: 5000, high: 2000 }", 1),
			"cal.yaml:7:27: error: impact 2: high 2000 is below low 5000 [out-of-range]"},
		{"missing high", strings.Replace(goodCalibration, "{ low: 5000, high: 20000 }", "{ low: 5000 }", 1),
			"cal.yaml:7:8: error: impact 2 needs `high` (a cost range has low and high) [missing-field]"},
		{"alias", "calibration:\n  likelihood: &p { 1: 0.1, 2: 0.2, 3: 0.3, 4: 0.5, 5: 0.9 }\n  impact: *p\n",
			"cal.yaml:3:11: error: calibration: aliases are not allowed in a calibration file [alias]"},
		{"binary", "calibration:\n\xff\xfe", "cal.yaml:1:1: error: the file is not valid UTF-8 [invalid-utf8]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ds := ParseCalibration("cal.yaml", []byte(c.text))
			var got []string
			for _, d := range ds {
				got = append(got, d.String())
			}
			if f != nil || strings.Join(got, "\n") != c.want {
				t.Errorf("got %v\n%s\nwant\n%s", f, strings.Join(got, "\n"), c.want)
			}
		})
	}
}

func calibrationAssumptions(likelihood []float64, impact ...[2]float64) string {
	var b strings.Builder
	b.WriteString("assumptions:\n")
	for i, p := range likelihood {
		b.WriteString("  - { id: calibration-likelihood-" + itoa(i+1) + ", text: P, value: " + fmtFloat(p) + " }\n")
	}
	for i, r := range impact {
		b.WriteString("  - { id: calibration-impact-" + itoa(i+1) + "-low, text: C, value: " + fmtFloat(r[0]) + " }\n")
		b.WriteString("  - { id: calibration-impact-" + itoa(i+1) + "-high, text: C, value: " + fmtFloat(r[1]) + " }\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestCalibrate: each half from the file, else the scenario, else the
// illustrative defaults.
func TestCalibrate(t *testing.T) {
	probs := []float64{0.02, 0.1, 0.3, 0.6, 0.9}
	costs := [][2]float64{{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}
	both := load(t, scenario(map[string]string{"assumptions": calibrationAssumptions(probs, costs...)}))
	none := load(t, scenario(nil))
	file, _ := ParseCalibration("cal.yaml", []byte(goodCalibration))

	c, ds := Calibrate(none, nil)
	if len(ds) > 0 || !c.Illustrative || c.Likelihood != defaultLikelihood || c.Sources != (Sources{"illustrative", "illustrative"}) || c.Currency != "XOF" {
		t.Errorf("defaults: %+v %v", c, ds)
	}
	c, ds = Calibrate(both, nil)
	if len(ds) > 0 || c.Illustrative || c.Likelihood != [5]float64(probs) || c.Impact[4] != (CostRange{5, 6}) || c.Sources != (Sources{"scenario", "scenario"}) {
		t.Errorf("scenario: %+v %v", c, ds)
	}
	c, ds = Calibrate(both, file)
	if len(ds) > 0 || c.Illustrative || c.Likelihood != *file.Likelihood || c.Sources != (Sources{"file", "file"}) {
		t.Errorf("file over scenario: %+v %v", c, ds)
	}
	half := load(t, scenario(map[string]string{"assumptions": calibrationAssumptions(probs)}))
	c, ds = Calibrate(half, nil)
	if len(ds) > 0 || !c.Illustrative || c.Sources != (Sources{"scenario", "illustrative"}) || c.Impact != defaultImpact {
		t.Errorf("likelihood only: %+v %v", c, ds)
	}
}

func TestCalibrateErrors(t *testing.T) {
	// The assumptions start on line 42 of the clean scenario.
	cases := []struct{ name, assumptions, want string }{
		{"partial", calibrationAssumptions([]float64{0.1, 0.2}),
			`scenario.yaml:43:5: error: calibration assumptions: calibration-likelihood-1, calibration-likelihood-2 declared but not calibration-likelihood-3, calibration-likelihood-4, calibration-likelihood-5 [missing-field]`},
		{"no value", "assumptions:\n  - { id: calibration-likelihood-1, text: Rare }\n" + strings.TrimPrefix(calibrationAssumptions([]float64{0, 0.2, 0.3, 0.4, 0.5}), "assumptions:\n  - { id: calibration-likelihood-1, text: P, value: 0 }\n"),
			`scenario.yaml:43:5: error: assumption "calibration-likelihood-1" needs a ` + "`value`" + ` [missing-field]`},
		{"not a probability", calibrationAssumptions([]float64{0.1, 0.2, 3, 4, 5}),
			`scenario.yaml:45:53: error: assumption "calibration-likelihood-3": 3 is not a probability (0 to 1) [out-of-range]` + "\n" +
				`scenario.yaml:46:53: error: assumption "calibration-likelihood-4": 4 is not a probability (0 to 1) [out-of-range]` + "\n" +
				`scenario.yaml:47:53: error: assumption "calibration-likelihood-5": 5 is not a probability (0 to 1) [out-of-range]`},
		{"high below low", calibrationAssumptions(nil, [2]float64{1, 2}, [2]float64{3, 2}, [2]float64{3, 4}, [2]float64{4, 5}, [2]float64{5, 6}),
			`scenario.yaml:46:54: error: assumption "calibration-impact-2-high": 2 is below the low cost 3 [out-of-range]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ds := Calibrate(load(t, scenario(map[string]string{"assumptions": c.assumptions})), nil)
			var got []string
			for _, d := range ds {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
	f, _ := ParseCalibration("cal.yaml", []byte(strings.Replace(goodCalibration, "XOF", "MAD", 1)))
	_, ds := Calibrate(load(t, scenario(nil)), f)
	if len(ds) != 1 || ds[0].String() != `cal.yaml:3:13: error: the calibration is in MAD but scenario "clean" counts in XOF [currency-mismatch]` {
		t.Errorf("currency: %v", ds)
	}
	if !reflect.DeepEqual(DefaultCalibration().Impact, defaultImpact) {
		t.Error("defaults changed")
	}
}
