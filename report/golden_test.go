package report

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

func updating() bool { return golden.Updating() }

func checkGolden(t *testing.T, name string, got []byte) { t.Helper(); golden.Check(t, name, got) }

// loadFixture loads the test study and its two scenarios.
func loadFixture(t *testing.T) (*model.Set, model.Diagnostics) {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	set, diags, err := l.LoadSet([]string{"testdata/study/study.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("the fixture has errors:\n%v", diags)
	}
	if len(set.Scenarios) != 2 || set.Baseline == nil {
		t.Fatalf("the fixture should give 2 scenarios and a baseline, got %d", len(set.Scenarios))
	}
	return set, diags
}

func renderFixture(t *testing.T, lang string) []File {
	t.Helper()
	set, diags := loadFixture(t)
	r, err := Build(set, diags, lang)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			files := renderFixture(t, lang)
			var names []string
			for _, f := range files {
				names = append(names, f.Name)
				checkGolden(t, lang+"/"+f.Name, f.Data)
			}
			want := []string{"index.html", "index.md", "option-centrale.html", "option-centrale.md", "option-deconcentree.html", "option-deconcentree.md"}
			if !slices.Equal(names, want) {
				t.Errorf("files = %v, want %v", names, want)
			}
			if updating() {
				return
			}
			entries, err := os.ReadDir(filepath.Join("testdata", "golden", lang))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if !slices.Contains(names, e.Name()) {
					t.Errorf("golden file %s/%s is not produced any more: delete it", lang, e.Name())
				}
			}
		})
	}
}
