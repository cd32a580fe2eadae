// Package chart draws a resolved scenario: the org chart, the territorial
// deployment, the institutional ecosystem, the information systems, the
// delivery chain as a RACI matrix and the roadmap.
//
// Every view is built as DOT text by this package (pure and deterministic,
// golden-tested); render.go alone turns DOT into SVG through go-graphviz,
// and cache.go keeps each layout on disk under the hash of its DOT so an
// unchanged chart is not laid out twice (ORGDESIGN_CACHE=off turns that
// off). Each SVG records the SHA-256 of the DOT it was drawn from, so
// Current can tell whether a committed chart is stale without laying
// anything out. PNG comes from a system rasteriser (png.go).
package chart

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// Views lists the views, in the order they are written.
var Views = []string{"org", "territory", "ecosystem", "systems", "chain", "roadmap"}

// DefaultMaxBoxes is the most boxes a territory page holds before its lowest
// level is aggregated: about what an A3 sheet shows legibly.
const DefaultMaxBoxes = 200

// Options tune the charts.
type Options struct {
	Lang     string // language of the words the charts add: fr (default) or en
	MaxBoxes int    // boxes per territory page; DefaultMaxBoxes when 0
}

// Chart is one page of one view of one scenario, as DOT text.
type Chart struct {
	Scenario string // the scenario id
	View     string
	Page     string // "" for a single-page view; a territory unit id or a number otherwise
	DOT      []byte
}

// Name returns the chart's file name with the extension: <scenario>-<view>.<ext>
// or <scenario>-<view>-<page>.<ext>.
func (c *Chart) Name(ext string) string {
	parts := []string{c.Scenario, c.View}
	if c.Page != "" {
		parts = append(parts, c.Page)
	}
	return strings.Join(parts, "-") + "." + ext
}

// Build returns the charts of the named views for a scenario, in the order of
// Views, pages in territory order. The analysis supplies the figures (RACI
// coverage, costs, personal-data issues, phases); when a is nil, Build runs
// analysis.Analyze with its default options.
func Build(r *model.Resolved, a *analysis.Analysis, views []string, opts Options) ([]*Chart, error) {
	if opts.Lang == "" {
		opts.Lang = "fr"
	}
	if !slices.Contains(Languages(), opts.Lang) {
		return nil, fmt.Errorf("unknown language %q: use fr or en", opts.Lang)
	}
	for _, v := range views {
		if !slices.Contains(Views, v) {
			return nil, fmt.Errorf("unknown view %q: use %s or all", v, strings.Join(Views, ", "))
		}
	}
	if opts.MaxBoxes <= 0 {
		opts.MaxBoxes = DefaultMaxBoxes
	}
	if a == nil {
		a = analysis.Analyze(r, analysis.Options{})
	}
	b := &builder{r: r, a: a, d: dictFor(opts.Lang), maxBoxes: opts.MaxBoxes}
	var out []*Chart
	for _, v := range Views {
		if !slices.Contains(views, v) {
			continue
		}
		for _, p := range b.view(v) {
			out = append(out, &Chart{Scenario: r.Header.ID, View: v, Page: p.id, DOT: p.dot})
		}
	}
	return out, nil
}

// page is one page of a view.
type page struct {
	id  string
	dot []byte
}

// builder holds what every view reads.
type builder struct {
	r          *model.Resolved
	a          *analysis.Analysis
	d          dict
	maxBoxes   int
	byTemplate map[string][]*model.Instance // instancesOf's index, built on first use
}

// instancesOf returns the instances of a unit template in the order of
// r.Instances, as model.Resolved.InstancesOf does, from an index built once
// rather than by a scan per call.
func (b *builder) instancesOf(id string) []*model.Instance {
	if b.byTemplate == nil {
		b.byTemplate = map[string][]*model.Instance{}
		for _, in := range b.r.Instances {
			b.byTemplate[in.Template] = append(b.byTemplate[in.Template], in)
		}
	}
	return b.byTemplate[id]
}

func (b *builder) view(v string) []page {
	switch v {
	case "org":
		return []page{{dot: b.org()}}
	case "territory":
		return b.territory()
	case "ecosystem":
		return []page{{dot: b.ecosystem()}}
	case "systems":
		return []page{{dot: b.systems()}}
	case "chain":
		return []page{{dot: b.chain()}}
	case "roadmap":
		return []page{{dot: b.roadmap()}}
	}
	return nil
}

// title is the graph label of a view: its name and the scenario's title.
func (b *builder) title(view string) attr {
	return hl(titleLines(b.d.w("title."+view), b.r.Header.Title))
}

// titleLines is a chart's title: the view in bold, the scenario below, left-aligned.
func titleLines(view, scenario string) string {
	return bold(text(view)) + `<BR ALIGN="LEFT"/>` + text(scenario) + `<BR ALIGN="LEFT"/>`
}

// name returns what to call an id wherever it is referenced: the agency, a
// unit template, an actor (its short name when it has one), a body, a
// channel, a system, or the id itself when nothing is declared under it.
func (b *builder) name(id string) string {
	if id == model.Reserved {
		return b.d.w("agency")
	}
	e := b.r.Lookup(id)
	if e == nil {
		return id
	}
	switch x := e.Item.(type) {
	case *model.Unit:
		return templateName(x)
	case *model.Actor:
		if x.ShortName != "" {
			return x.ShortName
		}
		return x.Name
	case *model.Body:
		return x.Name
	case *model.Channel:
		return x.Name
	case *model.System:
		return x.Name
	case *model.Profile:
		return x.Title
	case *model.Phase:
		return x.Title
	}
	return id
}

// templateName is a unit's name without the {territory} placeholder, for the
// box that stands for all of its instances.
func templateName(u *model.Unit) string {
	if !strings.Contains(u.Name, "{territory}") {
		return u.Name
	}
	s := strings.ReplaceAll(u.Name, "{territory}", "")
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, " -–—,:(")
}

// Hash returns the hex SHA-256 of DOT text, as recorded in the SVG drawn from it.
func Hash(dot []byte) string {
	sum := sha256.Sum256(dot)
	return hex.EncodeToString(sum[:])
}

const stampPrefix = "<!-- orgdesign:dot-sha256="

// SVG lays the DOT text out and returns the SVG, with the DOT's hash recorded
// in a comment right after the XML declaration. A layout made before, by this
// process or another, comes from the SVG cache (cache.go), one queued by
// Prefetch from the layouts under way (pool.go): the bytes are the same
// either way.
func SVG(dot []byte) ([]byte, error) {
	svg, ok, err := take(dot)
	if !ok {
		svg, err = layout(dot)
	}
	if err != nil {
		return nil, err
	}
	svg = bytes.ReplaceAll(svg, []byte(`font-family="`+font+`"`), []byte(`font-family="`+svgFonts+`"`))
	return stamp(svg, Hash(dot)), nil
}

// svgFonts is the font list the SVG names: DejaVu Sans, which the boxes are
// sized for, then fonts no wider.
const svgFonts = font + ",Verdana,Arial,Helvetica,sans-serif"

// stamp inserts the hash comment after the XML declaration (or at the start).
func stamp(svg []byte, hash string) []byte {
	line := []byte(stampPrefix + hash + " -->\n")
	at := 0
	if bytes.HasPrefix(svg, []byte("<?xml")) {
		if i := bytes.IndexByte(svg, '\n'); i >= 0 {
			at = i + 1
		}
	}
	out := make([]byte, 0, len(svg)+len(line))
	out = append(out, svg[:at]...)
	out = append(out, line...)
	return append(out, svg[at:]...)
}

// RecordedHash returns the DOT hash an SVG written by SVG records, if any.
func RecordedHash(svg []byte) (string, bool) {
	head := svg[:min(len(svg), 512)]
	i := bytes.Index(head, []byte(stampPrefix))
	if i < 0 {
		return "", false
	}
	rest := head[i+len(stampPrefix):]
	j := bytes.Index(rest, []byte(" -->"))
	if j != 64 {
		return "", false
	}
	return string(rest[:j]), true
}

// Current reports whether a file written earlier in format (svg or dot) is
// what this DOT text gives today: the same bytes for dot, the same recorded
// hash for svg. No layout is needed.
func Current(existing []byte, format string, dot []byte) (bool, error) {
	switch format {
	case "dot":
		return bytes.Equal(existing, dot), nil
	case "svg":
		h, ok := RecordedHash(existing)
		return ok && h == Hash(dot), nil
	}
	return false, fmt.Errorf("checking %s charts is not supported: only svg and dot record what they were drawn from", format)
}
