package report

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbook renders the fixture's workbook twice (the same bytes), opens it
// with excelize and reads the tables back; its document properties are fixed.
func TestWorkbook(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := BuildWith(set, diags, "fr", BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the workbook differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Unités et effectifs", "Capacité", "RACI", "Canaux", "Interfaces", "Registre des risques",
		"Constats des règles", "Comparaison internationale", "Synthèse", "Classement", "Contributions", "Classement par groupe"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	rows, err := f.GetRows("Classement")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || !slices.Equal(rows[1], []string{"1", "option-centrale", "0,575", "Agence centralisée"}) {
		t.Errorf("ranking rows %q", rows)
	}
	units, _ := f.GetRows("Unités et effectifs")
	if len(units) < 3 || units[0][0] != "Scénario" || units[1][0] != "option-centrale" {
		t.Errorf("units rows %q", units)
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != "orgdesign" || props.Created != workbookDate || props.Modified != workbookDate || props.Title != r.Title {
		t.Errorf("document properties %+v", props)
	}
}

// TestWorkbookNoFormula: text starting with =, +, - or @ stays text.
func TestWorkbookNoFormula(t *testing.T) {
	hostile := []string{`=HYPERLINK("http://evil","x")`, "+1+1", "-2+3", "@SUM(A1)"}
	r := &Report{Lang: "en", Title: "t", Scenarios: []*Scenario{{ID: "s", Analysis: &Analysis{Costs: Costs{Units: []UnitRow{
		{Name: hostile[0], Tier: hostile[1]}, {Name: hostile[2], Tier: hostile[3]}}}}}}}
	data, err := Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, cell := range []string{"B2", "C2", "B3", "C3"} {
		formula, err := f.GetCellFormula("Units and headcount", cell)
		if err != nil || formula != "" {
			t.Errorf("%s: formula %q (%v)", cell, formula, err)
		}
		typ, _ := f.GetCellType("Units and headcount", cell)
		if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s: cell type %v, want a string", cell, typ)
		}
	}
	got, _ := f.GetCellValue("Units and headcount", "B2")
	if got != hostile[0] {
		t.Errorf("B2 = %q", got)
	}
}
