package report

import (
	"bytes"
	"slices"
	"strings"
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
	want := []string{"Étude", "Unités et effectifs", "Capacité", "RACI", "Canaux", "Interfaces", "Registre des risques",
		"Constats des règles", "Comparaison internationale", "Bases des indicateurs", "Coûts par année", "Points de service", "Synthèse", "Pays proches par option",
		"Classement", "Contributions", "Classement par groupe"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	// The cover: the study, its status (interim), the recommendation against the ranking.
	cover, _ := f.GetRows("Étude")
	if len(cover) < 6 || !slices.Equal(cover[0], []string{"Étude", "Étude de l'agence d'aide sociale"}) ||
		!slices.Equal(cover[3], []string{"Statut", "version de consultation — document provisoire, à revoir après les consultations"}) ||
		cover[4][0] != "Option recommandée" || !strings.HasPrefix(cover[4][1], "La recommandation retient «\u00a0Agence déconcentrée\u00a0», classée au rang 2 sur 2") ||
		cover[len(cover)-1][0] != "Motivation de l'équipe" || !strings.HasPrefix(cover[len(cover)-1][1], "Le classement ne compte pas") {
		t.Errorf("cover rows %q", cover)
	}
	// Service points by kind beside the capacity gap.
	points, _ := f.GetRows("Points de service")
	if len(points) != 3 || !slices.Equal(points[0], []string{"Scénario", "Points de service", "Implantations propres", "Guichets partenaires",
		"Unités mobiles", "Points de paiement des réseaux d'agents (hors total)", "Manque d'effectif"}) || points[1][0] != "option-centrale" {
		t.Errorf("service points rows %q", points)
	}
	// Every country figure behind the indicators, with why it is not compared.
	bases, _ := f.GetRows("Bases des indicateurs")
	if !slices.ContainsFunc(bases, func(row []string) bool {
		return len(row) == 8 && row[0] == "option-centrale" && row[2] == "Second pays témoin" && row[6] == "Non" &&
			row[7] == "bénéficiaires comptés dans une autre unité que le ménage"
	}) {
		t.Errorf("bases rows %q", bases)
	}
	if peers, _ := f.GetRows("Pays proches par option"); len(peers) != 3 || peers[1][0] != "option-centrale" {
		t.Errorf("peers rows %q", peers)
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
	// The costs by year: 5 years and a total for each option, one-off and
	// running by kind; the synthesis shows the one-off, running and total.
	costs, _ := f.GetRows("Coûts par année")
	if len(costs) != 1+2*6 || costs[0][1] != "Année (en MAD)" || !slices.Equal(costs[12], []string{"option-deconcentree", "Total", "45\u202f500\u202f000",
		"1\u202f030\u202f000", "2\u202f000\u202f000", "300\u202f000", "48\u202f830\u202f000", "46\u202f665\u202f000",
		"2\u202f490\u202f000", "49\u202f155\u202f000", "97\u202f985\u202f000"}) {
		t.Errorf("costs rows %q", costs)
	}
	synthesis, _ := f.GetRows("Synthèse")
	if len(synthesis) != 3 || !slices.Equal(synthesis[0][2:5], []string{"Coûts ponctuels", "Fonctionnement par an", "Coût total 2026–2030"}) {
		t.Errorf("synthesis rows %q", synthesis)
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
