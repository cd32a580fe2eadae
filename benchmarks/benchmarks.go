// Package benchmarks holds the country benchmark files (embedded YAML, one
// country per file, every figure sourced) and compares a scenario with them:
// institutional frame, indicators normalised where the data allow, the
// delivery chain stage by stage, nearest peers and the lessons that apply.
package benchmarks

import (
	"embed"
	"io/fs"
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

//go:embed *.yaml
var files embed.FS

// Dir is the folder the embedded files are named under, as in the repository.
const Dir = "benchmarks"

// Files serves the embedded country files as benchmarks/ID.yaml.
func Files() model.Files { return model.PrefixFS{FS: files, Prefix: Dir + "/"} }

// Names lists the embedded country files, in name order.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		out = append(out, Dir+"/"+e.Name())
	}
	return out
}

// Load reads the embedded countries and, when names are given, the user's
// country files too (a user file with the id of an embedded country replaces
// it). Countries come back sorted by id.
func Load(user model.Files, names []string) ([]*model.CountryFile, model.Diagnostics, error) {
	return Read(Group{Files(), Names()}, Group{user, names})
}

// Group is a set of country files read through one reader.
type Group struct {
	Files model.Files
	Names []string
}

// Read reads country files group by group, a later group replacing the
// countries of the same id. Files with errors are left out and their
// diagnostics returned.
func Read(groups ...Group) ([]*model.CountryFile, model.Diagnostics, error) {
	var all model.Diagnostics
	byID := map[string]*model.CountryFile{}
	for _, g := range groups {
		if g.Files == nil || len(g.Names) == 0 {
			continue
		}
		l := &model.Loader{Files: g.Files}
		for _, n := range g.Names {
			c, ds, err := l.Country(n)
			if err != nil {
				return nil, nil, err
			}
			all = append(all, ds...)
			if c != nil && !ds.HasErrors() {
				byID[c.Country.ID] = c
			}
		}
	}
	out := make([]*model.CountryFile, 0, len(byID))
	for _, c := range byID {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *model.CountryFile) int {
		if a.Country.ID < b.Country.ID {
			return -1
		}
		return 1
	})
	return out, all.Sort(), nil
}
