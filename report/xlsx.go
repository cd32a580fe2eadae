package report

import (
	"bytes"
	"cmp"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// WorkbookName is the file name of the report's workbook.
const WorkbookName = "orgdesign-report.xlsx"

// workbookDate is the workbook's created and modified date: fixed, so that the
// same report gives the same bytes.
const workbookDate = "2000-01-01T00:00:00Z"

// sheet is one worksheet: a name (at most 31 characters) and its table.
type sheet struct {
	name  string
	table Table
}

// Workbook writes the report's tables as an XLSX workbook: units and
// headcount, capacity, the delivery chain's RACI, channels, interfaces, the
// risk register, the benchmark indicators and the ranking, each with a first
// column naming the scenario. Every cell is written as text through
// SetCellStr, so a name starting with "=", "+", "-" or "@" stays text and is
// never read as a formula. The document properties are fixed: the same report
// gives the same bytes.
func Workbook(r *Report) ([]byte, error) {
	l, err := NewLanguage(r.Lang)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheets := workbookSheets(r, l)
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		rows := append([][]string{s.table.Head}, s.table.Rows...)
		for y, row := range rows {
			for x, v := range row {
				cell, err := excelize.CoordinatesToCellName(x+1, y+1)
				if err != nil {
					return nil, err
				}
				if err := f.SetCellStr(s.name, cell, v); err != nil {
					return nil, fmt.Errorf("%s!%s: %w", s.name, cell, err)
				}
			}
		}
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	err = f.SetDocProps(&excelize.DocProperties{
		Title:          r.Title,
		Creator:        "orgdesign",
		LastModifiedBy: "orgdesign",
		Language:       r.Lang,
		Created:        workbookDate,
		Modified:       workbookDate,
	})
	if err != nil {
		return nil, err
	}
	err = f.SetAppProps(&excelize.AppProperties{Application: "orgdesign"})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// workbookSheets gathers the tables, each scenario's rows after the other's.
func workbookSheets(r *Report, l *Language) []sheet {
	sc := l.Label("scenario")
	units := Table{Head: []string{sc, l.Label("unit"), l.Label("tier"), l.Label("instances"), l.Label("headcount"), l.Label("payroll")}}
	capacity := Table{Head: []string{sc, l.Label("unit"), l.Label("households"), l.Label("planned"), l.Label("required"), l.Label("gap")}}
	raci := Table{Head: []string{sc, l.Label("stage"), l.Label("raciA"), l.Label("raciR"), l.Label("raciC"), l.Label("raciI")}}
	channels := Table{Head: []string{sc, l.Label("stage"), l.Label("channels"), l.Label("uncovered")}}
	interfaces := Table{Head: []string{sc, l.Label("interface"), l.Label("from"), l.Label("to"), l.Label("mode"), l.Label("problems")}}
	risks := Table{Head: []string{sc, "id", l.Label("risk"), l.Label("category"), l.Label("inherent"), l.Label("residual"), l.Label("level"), l.Label("response")}}
	findings := Table{Head: []string{sc, "id", l.Label("finding"), l.Label("findingStatus"), l.Label("indicativeLevel"),
		l.Label("explanation"), l.Label("suggestion"), l.Label("dismissalReason")}}
	bench := Table{Head: []string{sc, l.Label("indicator"), l.Label("unit"), l.Label("value"), "min", l.Label("median"), "max", l.Label("position")}}
	bases := Table{Head: []string{sc, l.Label("indicator"), l.Label("country"), l.Label("value"), l.Label("measure"), l.Label("basis"),
		l.Label("comparable"), l.Label("notComparedBecause")}}
	var costs Table // the costs by year, each scenario's years then its total
	for _, s := range r.Scenarios {
		if b := s.Budget(); b != nil {
			costs.Head = append([]string{sc}, b.Years.Head...)
			for _, row := range b.Years.Rows {
				costs.Rows = append(costs.Rows, append([]string{s.ID}, row...))
			}
		}
		if a := s.Analysis; a != nil {
			for _, u := range a.Costs.Units {
				units.Rows = append(units.Rows, []string{s.ID, u.Name, u.Tier, u.Instances.Text, u.Headcount.Text, u.Payroll.Text})
			}
			for _, g := range a.Capacity.Groups {
				for _, c := range g.Rows {
					capacity.Rows = append(capacity.Rows, []string{s.ID, c.Name, c.Households.Text, c.Planned.Text, c.Required.Text, c.Gap.Text})
				}
			}
			for _, st := range a.Chain.Stages {
				raci.Rows = append(raci.Rows, []string{s.ID, st.Stage, st.Accountable, st.Responsible, st.Consulted, st.Informed})
			}
			for _, c := range a.Capacity.Channels {
				channels.Rows = append(channels.Rows, []string{s.ID, c.Stage, c.Channels, c.Uncovered})
			}
			for _, list := range [][]IssueRow{a.Systems.PersonalData, a.Systems.Manual} {
				for _, i := range list {
					interfaces.Rows = append(interfaces.Rows, []string{s.ID, i.Interface, i.From, i.To, i.Mode, i.Problems})
				}
			}
		}
		if rk := s.Risks; rk != nil {
			for _, x := range rk.Register {
				risks.Rows = append(risks.Rows, []string{s.ID, x.ID, x.Title, x.Category, x.Inherent.Text, x.Residual.Text, x.Level, x.Response})
			}
			for _, f := range rk.Open {
				findings.Rows = append(findings.Rows, []string{s.ID, f.ID, f.Title, l.Label("findingOpen"), f.Indicative.Text + " " + f.Level, f.Explanation, f.Suggestion, ""})
			}
			for _, f := range rk.Dismissed {
				findings.Rows = append(findings.Rows, []string{s.ID, f.ID, f.Title, l.Label("findingDismissed"), f.Indicative.Text + " " + f.Level, f.Explanation, f.Suggestion, f.Reason})
			}
		}
		if c := s.Comparison; c != nil {
			for _, b := range c.Indicators {
				bench.Rows = append(bench.Rows, []string{s.ID, b.Label, b.Unit, b.Scenario, b.Min, b.Median, b.Max, b.Position})
			}
			for _, b := range c.Bases {
				bases.Rows = append(bases.Rows, []string{s.ID, b.Indicator, b.Country, b.Value, b.Unit, b.Basis, b.Comparable, b.Reasons})
			}
		}
	}
	out := []sheet{
		{l.Label("sheetUnits"), units}, {l.Label("sheetCapacity"), capacity}, {l.Label("sheetRACI"), raci},
		{l.Label("sheetChannels"), channels}, {l.Label("sheetInterfaces"), interfaces}, {l.Label("sheetRisks"), risks},
		{l.Label("sheetFindings"), findings}, {l.Label("sheetBenchmarks"), bench}, {l.Label("sheetBenchBases"), bases},
		{l.Label("sheetCosts"), costs},
	}
	if st := r.Study; st != nil { // the cover: what the study is and how far it has gone
		cover := Table{Head: []string{l.Label("sheetStudy"), st.Title}}
		for _, kv := range [][2]string{{l.Label("client"), st.Client}, {l.Label("date"), st.Date}, {l.Label("studyStatus"), st.Status}} {
			if kv[1] != "" {
				cover.Rows = append(cover.Rows, []string{kv[0], kv[1]})
			}
		}
		if p := r.Pack; p != nil && p.Ranking != nil {
			for i, line := range p.Ranking.Recommendation {
				head := ""
				if i == 0 {
					head = l.Label("recommendedOption")
				}
				cover.Rows = append(cover.Rows, []string{head, line})
			}
			if p.Alert != nil {
				cover.Rows = append(cover.Rows, []string{l.Label("rationale"), cmp.Or(p.Alert.Rationale, p.Alert.Missing)})
			}
		}
		out = append([]sheet{{l.Label("sheetStudy"), cover}}, out...)
	}
	if p := r.Pack; p != nil {
		out = append(out, sheet{l.Label("sheetPoints"), p.Points})
		out = append(out, sheet{l.Label("sheetSynthesis"), p.Synthesis})
		if p.Ranking != nil && len(p.Ranking.Peers.Rows) > 0 {
			out = append(out, sheet{l.Label("sheetPeers"), p.Ranking.Peers})
		}
		if p.Ranking != nil && p.Ranking.Ranked {
			out = append(out, sheet{l.Label("sheetRanking"), p.Ranking.Ranking}, sheet{l.Label("sheetContributions"), p.Ranking.Contrib},
				sheet{l.Label("sheetGroups"), p.Ranking.Groups})
		}
	}
	return out
}
