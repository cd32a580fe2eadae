package analysis

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

type memFiles map[string][]byte

func (m memFiles) ReadFile(name string) ([]byte, error) {
	if b, ok := m[name]; ok {
		return b, nil
	}
	return nil, fs.ErrNotExist
}

// BenchmarkAnalyze analyses a national-scale scenario (12 regions, 75
// provinces, 1,503 communes) and ten times that.
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		l := &model.Loader{Files: memFiles(synth.Files(n))}
		r, ds, err := l.Scenario("scenario.yaml")
		if err != nil || ds.HasErrors() {
			b.Fatal(err, ds)
		}
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(r, Options{})
			}
		})
	}
}
