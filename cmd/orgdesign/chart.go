package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/chart"
	"github.com/orgdesign/orgdesign/internal/atomic"
	"github.com/orgdesign/orgdesign/model"
)

type chartOptions struct {
	*globalOptions
	view   string
	format string
	lang   string
	out    string
	check  bool
}

var chartFormats = []string{"svg", "dot", "png"}

func newChartCmd(g *globalOptions) *cobra.Command {
	o := &chartOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "chart [FILE|DIR...]",
		Short: "Draw the charts of each scenario: org, territory, ecosystem, systems, chain, roadmap",
		Long: `Draw the charts of each scenario into a folder, as <scenario-id>-<view>.<ext>
(<scenario-id>-<view>-<page>.<ext> for the pages of a view with several):

  org        the central structure with its bodies, a replicated unit as one box
  territory  a national page (one box per top-level territory unit), then one
             page per top-level unit holding anything below its own level
             (service points alike under one box listed on one card)
  ecosystem  the agency among the actors and bodies, relations by kind
  systems    systems by owner, interfaces by mode; personal data without a
             signed agreement or a legal basis in red; beyond 40 interfaces
             one line per pair of systems and mode, beyond 50 such lines an
             N² matrix (senders in rows, receivers in columns)
  chain      the RACI matrix of the delivery chain, gaps and overlaps marked
  roadmap    the phases on a time axis, what each opens, the headcount reached

SVG and DOT need no system tool. PNG needs rsvg-convert (Debian package
librsvg2-bin) or Graphviz's dot; without either, exit code 2.

With no argument, the embedded default study is drawn. Inputs with errors are
reported on standard error and nothing is written (exit code 1). The same inputs
give the same bytes. The paths written are printed.

--check writes nothing: it lists the charts in the folder that are stale
(missing, or drawn from other DOT text) and exits 1 if there is any. Each SVG
records the SHA-256 of the DOT it was drawn from, so no layout is needed. It
supports svg and dot.`,
		Example: `  orgdesign chart -o charts
  orgdesign chart etude.yaml --view org --format dot -o charts
  orgdesign chart --check -o docs/charts`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	cmd.Flags().StringVar(&o.view, "view", "all", "the view: "+strings.Join(chart.Views, ", ")+" or all")
	cmd.Flags().StringVar(&o.format, "format", "svg", "output format: svg, dot or png")
	cmd.Flags().StringVar(&o.lang, "lang", "fr", "language of the words the charts add: fr or en")
	cmd.Flags().StringVarP(&o.out, "output", "o", "orgdesign-charts", "output folder")
	cmd.Flags().BoolVar(&o.check, "check", false, "write nothing; list the stale charts in the folder and exit 1 if any")
	_ = cmd.RegisterFlagCompletionFunc("view", cobra.FixedCompletions(append(slices.Clone(chart.Views), "all"), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(chartFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(chart.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (o *chartOptions) run(cmd *cobra.Command, args []string) error {
	views := []string{o.view}
	switch {
	case o.view == "all":
		views = chart.Views
	case !slices.Contains(chart.Views, o.view):
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --view %q: use %s or all", o.view, strings.Join(chart.Views, ", "))}
	}
	if !slices.Contains(chartFormats, o.format) {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --format %q: use svg, dot or png", o.format)}
	}
	if !slices.Contains(chart.Languages(), o.lang) {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --lang %q: use fr or en", o.lang)}
	}
	if o.check && o.format == "png" {
		return &exitError{code: exitUsage, msg: "--check supports svg and dot only: a PNG does not record what it was drawn from"}
	}
	var raster *chart.Rasteriser
	if o.format == "png" {
		r, err := chart.FindRasteriser()
		if err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		raster = r
	}
	set, diags, _, err := loadSet(o.globalOptions, args, false)
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		_ = model.WriteText(cmd.ErrOrStderr(), diags)
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing written", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return &exitError{code: exitUsage, msg: "no scenario to draw: give a study or scenario files"}
	}
	var charts []*chart.Chart
	files := map[string]string{} // scenario id -> its file
	for _, r := range set.Scenarios {
		if first, dup := files[r.Header.ID]; dup {
			return &exitError{code: exitUsage, msg: fmt.Sprintf("%s and %s both have the scenario id %q: their charts would have the same names", first, r.File, r.Header.ID)}
		}
		files[r.Header.ID] = r.File
		cs, err := chart.Build(r, nil, views, chart.Options{Lang: o.lang})
		if err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		charts = append(charts, cs...)
	}
	if o.check {
		return o.checkCharts(cmd, charts)
	}
	if o.format == "svg" || (o.format != "dot" && raster.NeedsSVG()) {
		// Laid out in the background, by layout workers too when allowed,
		// while the rasteriser converts the charts already drawn.
		dots := make([][]byte, len(charts))
		for i, c := range charts {
			dots[i] = c.DOT
		}
		defer chart.Prefetch(dots)()
	}
	out := make([]atomic.File, 0, len(charts))
	for _, c := range charts {
		data := c.DOT
		if o.format != "dot" {
			var svg []byte
			if o.format == "svg" || raster.NeedsSVG() {
				if svg, err = chart.SVG(c.DOT); err != nil {
					return fmt.Errorf("%s: %w", c.Name(o.format), err)
				}
			}
			data = svg
			if raster != nil {
				if data, err = raster.PNG(svg, c.DOT); err != nil {
					return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %v", c.Name(o.format), err)}
				}
			}
		}
		out = append(out, atomic.File{Name: c.Name(o.format), Data: data})
	}
	paths, err := atomic.WriteFiles(o.out, out)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	for _, p := range paths {
		fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(p))
	}
	return nil
}

// checkCharts lists the charts missing from the folder or drawn from other
// DOT text, without laying anything out.
func (o *chartOptions) checkCharts(cmd *cobra.Command, charts []*chart.Chart) error {
	out := cmd.OutOrStdout()
	stale := 0
	for _, c := range charts {
		path := filepath.Join(o.out, c.Name(o.format))
		data, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			stale++
			fmt.Fprintf(out, "%s: missing\n", filepath.ToSlash(path))
			continue
		case err != nil:
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		ok, err := chart.Current(data, o.format, c.DOT)
		if err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		if !ok {
			stale++
			fmt.Fprintf(out, "%s: stale\n", filepath.ToSlash(path))
		}
	}
	if stale > 0 {
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%d of %d charts stale in %s: run orgdesign chart to redraw them", stale, len(charts), filepath.ToSlash(o.out))}
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "%d charts up to date in %s\n", len(charts), filepath.ToSlash(o.out))
	return nil
}
