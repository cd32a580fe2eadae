package benchmarks

import (
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

func fig(v float64, unit, year string) *model.Figure {
	return &model.Figure{Value: model.Quantity{Value: v, Known: true}, Unit: unit, Year: year}
}

// TestStaffPer10kYears: the beneficiary count is the one nearest the staff
// figure's year (the later on a tie, households before other units), and
// counts more than two years apart are shown but not compared.
// perTenK is what TestStaffPer10kYears compares of a Value.
type perTenK struct {
	Known, Comparable bool
	Value             float64
	Unit              string
}

func TestStaffPer10kYears(t *testing.T) {
	for _, tc := range []struct {
		name          string
		staff         []*model.Figure
		beneficiaries []*model.Figure
		want          perTenK
	}{
		{"nearest year", []*model.Figure{fig(100, "posts", "2020")},
			[]*model.Figure{fig(1000, "households", "2024"), fig(2000, "households", "2021"), fig(4000, "households", "2018")},
			perTenK{Known: true, Comparable: true, Value: 500, Unit: "per 10,000 households"}},
		{"later on a tie", []*model.Figure{fig(100, "posts", "2020")},
			[]*model.Figure{fig(1000, "households", "2019"), fig(2000, "households", "2021/22")},
			perTenK{Known: true, Comparable: true, Value: 500, Unit: "per 10,000 households"}},
		{"households before nearer individuals", []*model.Figure{fig(100, "posts", "2020")},
			[]*model.Figure{fig(1000, "individuals", "2020"), fig(4000, "families", "2022")},
			perTenK{Known: true, Comparable: true, Value: 250, Unit: "per 10,000 families"}},
		{"two years apart compared", []*model.Figure{fig(100, "posts", "2020")},
			[]*model.Figure{fig(1000, "households", "2018")},
			perTenK{Known: true, Comparable: true, Value: 1000, Unit: "per 10,000 households"}},
		{"three years apart not compared", []*model.Figure{fig(100, "posts", "2020")},
			[]*model.Figure{fig(1000, "households", "2023")},
			perTenK{Known: true, Comparable: false, Value: 1000, Unit: "per 10,000 households"}},
		{"other unit not compared", []*model.Figure{fig(100, "posts", "2020")},
			[]*model.Figure{fig(1000, "individuals", "2020")},
			perTenK{Known: true, Comparable: false, Value: 1000, Unit: "per 10,000 individuals"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := staffPer10k("x", &model.CountryFile{Staff: tc.staff, Beneficiaries: tc.beneficiaries})
			got := perTenK{Known: v.Known, Comparable: v.Comparable, Value: v.Value, Unit: v.Unit}
			if got != tc.want {
				t.Errorf("got %+v, want %+v (basis %s)", got, tc.want, v.Basis)
			}
		})
	}
}
