package benchmarks

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

func TestInstrumentsLoad(t *testing.T) {
	ins, ds, err := Instruments()
	if err != nil || len(ds) != 0 {
		t.Fatal(err, ds)
	}
	ids := []string{}
	for _, in := range ins {
		ids = append(ids, in.Instrument.ID)
	}
	if got := strings.Join(ids, ","); got != "ilo-r202,ispa-codi,issa-gg,wb-sourcebook" {
		t.Errorf("instruments = %s", got)
	}
	// R202's paragraph 3 lists 18 principles, (a) to (r); CODI 18, ISSA 5, the Sourcebook 4.
	if n := len(Criteria(ins)); n != 18+18+5+4 {
		t.Errorf("%d criteria", n)
	}
	var r202 []string
	for _, c := range ins[0].Criteria {
		r202 = append(r202, c.Title[:3])
	}
	if got := strings.Join(r202, ""); got != "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)" {
		t.Errorf("R202's principles: %s", got)
	}
}

func TestScorecard(t *testing.T) {
	ins, _, err := Instruments()
	if err != nil {
		t.Fatal(err)
	}
	l := &model.Loader{Files: model.OSFiles{}, Criteria: Criteria(ins)}
	r, ds, err := l.Scenario("../analysis/testdata/option.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	r.Assessment = []*model.Assessment{{Criterion: "issa-redevabilite", Rating: 3, Evidence: "Conseil avec deux membres indépendants."}}
	rows := Scorecard(r, analysis.Analyze(r, analysis.Options{}), ins)
	by := map[string]ScoreRow{}
	for _, row := range rows {
		by[row.Criterion] = row
	}
	effects := func(id string) string {
		var s []string
		for _, p := range by[id].Proposals {
			s = append(s, p.Effect+":"+p.Reason)
		}
		return strings.Join(s, " ")
	}
	for id, want := range map[string]string{
		"codi-plaintes":     "weakens:grievance-not-segregated",
		"issa-redevabilite": "supports:independent-board-members",
		"r202-dignite":      "weakens:personal-data-unprotected",
		"codi-se-programme": "weakens:me-no-accountable",
		"wb-fournir":        "supports:stages-accountable",
		"wb-evaluer":        "weakens:stage-no-accountable weakens:stage-no-accountable",
		"r202-universalite": "supports:intake-everywhere",
		"codi-capacite":     "weakens:capacity-gap",
		"r202-coherence":    "weakens:chain-overlaps",
		"issa-dynamisme":    "",
	} {
		if got := effects(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if by["issa-redevabilite"].Rating != 3 {
		t.Errorf("the scenario's rating is lost")
	}
	b, _ := json.MarshalIndent(rows, "", "  ")
	golden.Check(t, "scorecard.json", append(b, '\n'))
}

// TestAssessmentValidation: a criterion no instrument has is an error with a suggestion.
func TestAssessmentValidation(t *testing.T) {
	ins, _, _ := Instruments()
	files := map[string]string{"s.yaml": "scenario: { id: s, title: S }\nassessment:\n  - { criterion: issa-transparance, rating: 5 }\n"}
	l := &model.Loader{Files: memFiles(files), Criteria: Criteria(ins)}
	_, ds, err := l.Scenario("s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	_ = model.WriteText(&b, ds)
	want := "s.yaml:3:18: error: assessment of \"issa-transparance\": no international instrument has criterion \"issa-transparance\" [unknown-reference]\n    hint: did you mean `issa-transparence`?\n" +
		"s.yaml:3:45: error: assessment of \"issa-transparance\": rating 5 is outside 1–4 [out-of-range]\n    hint: 1 latent, 2 emerging, 3 established, 4 advanced\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

type memFiles map[string]string

func (m memFiles) ReadFile(name string) ([]byte, error) {
	if s, ok := m[name]; ok {
		return []byte(s), nil
	}
	return nil, &model.IOError{Name: name}
}
