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
