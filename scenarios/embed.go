// Package scenarios embeds the default study: the ANAS/ANSS scenarios, their
// shared context and the Morocco territory. It is data, read through model.
package scenarios

import (
	"embed"

	"github.com/orgdesign/orgdesign/model"
)

//go:embed *.yaml
var files embed.FS

// Dir is the folder the embedded files are named under, as in the repository.
const Dir = "scenarios"

// Study is the embedded default study file.
const Study = Dir + "/etude.yaml"

// Files serves the embedded files as scenarios/NAME.yaml.
func Files() model.Files { return model.PrefixFS{FS: files, Prefix: Dir + "/"} }

// Names lists every embedded file, as scenarios/NAME.yaml, in name order.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, Dir+"/"+e.Name())
	}
	return out
}
