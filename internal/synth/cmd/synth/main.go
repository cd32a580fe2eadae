// Command synth writes a synthetic national-scale scenario (format v1) and,
// with -flat-dot, the same organisation drawn as one flat tree in DOT (every
// unit instance a node), the naive layout the performance script times
// native Graphviz on.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

func main() {
	communes := flag.Int("communes", synth.National, "number of communes")
	out := flag.String("out", ".", "output folder")
	flat := flag.Bool("flat-dot", false, "also write flat.dot, every unit instance a node")
	flag.Parse()
	if err := run(*communes, *out, *flat); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(communes int, out string, flat bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, data := range synth.Files(communes) {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	if !flat {
		return nil
	}
	l := &model.Loader{Files: model.OSFiles{}, MaxSize: 256 << 20}
	r, ds, err := l.Scenario(filepath.ToSlash(filepath.Join(out, "scenario.yaml")))
	if err != nil {
		return err
	}
	if ds.HasErrors() {
		return ds
	}
	var b strings.Builder
	b.WriteString("digraph flat {\n  node [shape=box];\n")
	for _, in := range r.Instances {
		fmt.Fprintf(&b, "  %q [label=%q];\n", in.ID, in.Name+"\n"+fmt.Sprint(in.Headcount)+" agents")
		if in.ReportsTo != "" {
			fmt.Fprintf(&b, "  %q -> %q;\n", in.ReportsTo, in.ID)
		}
	}
	b.WriteString("}\n")
	return os.WriteFile(filepath.Join(out, "flat.dot"), []byte(b.String()), 0o644)
}
