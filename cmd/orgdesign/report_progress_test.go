package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// TestReportProgress runs the command over the default study (four
// scenarios) with standard error taken for a terminal or not.
func TestReportProgress(t *testing.T) {
	want := "[1/4] anas-actuel\n[2/4] anas-centrale\n[3/4] anas-deconcentree\n[4/4] anas-hybride\n"
	for name, c := range map[string]struct {
		terminal bool
		args     []string
		want     string
	}{
		"terminal":              {terminal: true, want: want},
		"terminal, --quiet":     {terminal: true, args: []string{"--quiet"}},
		"terminal, -q":          {terminal: true, args: []string{"-q"}},
		"terminal, one":         {terminal: true, args: []string{"../../scenarios/anas-hybride.yaml"}},
		"not a terminal":        {},
		"not a terminal, quiet": {args: []string{"--quiet"}},
	} {
		t.Run(name, func(t *testing.T) {
			o := &reportOptions{globalOptions: &globalOptions{maxSize: model.DefaultMaxSize},
				isTerminal: func(io.Writer) bool { return c.terminal }}
			cmd := reportCmd(o)
			var stdout, stderr bytes.Buffer
			cmd.SetOut(&stdout)
			cmd.SetErr(&stderr)
			dir := filepath.Join(t.TempDir(), "out")
			cmd.SetArgs(append([]string{"-o", dir, "--format", "md"}, c.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err, stderr.String())
			}
			if got := progressOnly(stderr.String()); got != c.want {
				t.Errorf("stderr %q, want %q", got, c.want)
			}
		})
	}
}

// progressOnly leaves out of standard error the pack's warnings (a
// recommendation that departs from the ranking without a rationale) and
// their hints: they are no progress.
func progressOnly(stderr string) string {
	var out []string
	for _, l := range strings.SplitAfter(stderr, "\n") {
		if !strings.Contains(l, ": warning: ") && !strings.HasPrefix(l, "    hint: ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "f")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file is a terminal")
	}
}
