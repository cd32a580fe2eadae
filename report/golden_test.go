package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// updating reports whether golden files are to be rewritten: UPDATE=1 go test ./report/...
func updating() bool { return os.Getenv("UPDATE") != "" }

// checkGolden compares got with testdata/golden/name byte for byte, or rewrites
// the file when updating.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run UPDATE=1 go test ./report/... to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (UPDATE=1 go test ./report/... rewrites it):\n%s", name, firstDiff(want, got))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g || i >= len(wl) || i >= len(gl) {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(same lines, different bytes)"
}

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
