package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/report"
	"github.com/orgdesign/orgdesign/scenarios"
	"github.com/orgdesign/orgdesign/templates"
)

type diffOptions struct {
	*globalOptions
	format string
	lang   string
	rev    string
}

func newDiffCmd(g *globalOptions) *cobra.Command {
	o := &diffOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "diff A B | diff FILE --rev REV",
		Short: "Show what changed between two versions of a scenario",
		Long: `Compare two versions of a scenario, each resolved (what it extends merged,
replicated units expanded), and list what changed:

  - units added, removed, moved (reportsTo changed) or renamed (same id,
    another name); a unit whose id changed while its name and place (reports
    to, tier, per, at) did not is a likely rename, not a removal and an
    addition;
  - headcount and payroll by tier and in total, before and after;
  - mandates added or removed, and the accountable and responsible parties
    of each mandate and each delivery-chain stage;
  - interfaces added, removed or changed (systems, mode, agreement, legal
    basis, personal data);
  - risks added, removed or rescored (inherent and residual scores, the
    register's and those the structural rules derive);
  - channels added or removed.

diff A B compares two files. diff FILE --rev REV compares FILE with its
content at the git revision REV (a commit, a branch, a tag, HEAD~1...);
what the old version extends and its territory, when they are files beside
it, are read at the same revision. Outside a git repository, or for an
unknown revision, diff exits 2.

--format text (the default) prints tables for a terminal; markdown a concise
GitHub-flavoured summary for a pull request; json the compare package's
Diff. Differences are not failures: diff exits 0 (1 when a version has
errors, 2 for a usage or I/O error).`,
		Example: `  orgdesign diff option-b.yaml option-b-v2.yaml
  orgdesign diff scenarios/option-b.yaml --rev main --format markdown
  orgdesign diff option-b.yaml --rev HEAD~1 --lang en`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output format: text, json or markdown")
	f.StringVar(&o.lang, "lang", "fr", "language of the text and Markdown outputs: fr or en")
	f.StringVar(&o.rev, "rev", "", "compare FILE with its content at this git revision")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("rev", cobra.NoFileCompletions)
	return cmd
}

func diffUsage(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

func (o *diffOptions) run(cmd *cobra.Command, args []string) error {
	switch o.format {
	case "text", "json", "markdown":
	default:
		return diffUsage("unknown --format %q: use text, json or markdown", o.format)
	}
	if !slices.Contains(templates.Languages(), o.lang) {
		return diffUsage("unknown --lang %q: use fr or en", o.lang)
	}
	var from, to *model.Resolved
	var fromName, toName string
	var diags model.Diagnostics
	switch {
	case o.rev == "" && len(args) == 2:
		fromName, toName = args[0], args[1]
		l := o.loader(model.OSFiles{})
		var err error
		if from, diags, err = loadScenario(l, args[0], diags); err != nil {
			return err
		}
		if to, diags, err = loadScenario(l, args[1], diags); err != nil {
			return err
		}
	case o.rev != "" && len(args) == 1:
		g, err := newGitFiles(args[0], o.rev)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(args[0])
		fromName, toName = o.rev+":"+g.path(name), name
		var old model.Diagnostics
		from, old, err = loadScenario(o.loader(g), name, nil)
		var ue *exitError
		if errors.As(err, &ue) {
			return diffUsage("%s did not exist at revision %s", args[0], o.rev)
		}
		for _, d := range old { // the old version's diagnostics name the revision
			if d.File != "" {
				d.File = o.rev + ":" + g.path(d.File)
			}
			diags = append(diags, d)
		}
		if to, diags, err = loadScenario(o.loader(model.OSFiles{}), name, diags); err != nil {
			return err
		}
	case o.rev != "":
		return diffUsage("diff FILE --rev REV takes one file, got %d", len(args))
	default:
		return diffUsage("diff takes two files (A B), or one file and --rev REV; got %d", len(args))
	}
	if diags.HasErrors() || from == nil || to == nil {
		_ = model.WriteText(cmd.ErrOrStderr(), diags.Sort())
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing compared", count(diags.Count(model.Error), "error", "errors"))}
	}
	d := compare.DiffScenarios(from, to, compare.DiffOptions{Lang: o.lang})
	out := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		return nil
	}
	dr, err := report.BuildDiff(d, report.DiffOptions{Lang: o.lang, From: fromName, To: toName,
		Currency: cmp.Or(to.Header.Currency, from.Header.Currency)})
	if err != nil {
		return err
	}
	if o.format == "markdown" {
		md, err := report.DiffMarkdown(dr)
		if err != nil {
			return err
		}
		_, err = out.Write(md)
		return err
	}
	return report.WriteDiffText(out, dr)
}

// loader reads scenarios through files, with the embedded territories.
func (o *diffOptions) loader(files model.Files) *model.Loader {
	return &model.Loader{Files: files, Builtin: scenarios.Files(), BuiltinDir: scenarios.Dir, MaxSize: o.maxSize}
}

// loadScenario resolves one version; an unreadable file is a usage/I-O error.
func loadScenario(l *model.Loader, name string, diags model.Diagnostics) (*model.Resolved, model.Diagnostics, error) {
	r, ds, err := l.Scenario(name)
	if err != nil {
		return nil, diags, &exitError{code: exitUsage, msg: err.Error()}
	}
	return r, append(diags, ds...), nil
}

// gitFiles serves files as they were at a git revision, through `git show`.
// Names are paths as the user wrote them (relative to the working folder);
// git runs in the folder of the file compared.
type gitFiles struct {
	rev    string
	dir    string // the compared file's folder, absolute
	prefix string // that folder's path inside the repository ("" at the top, else ending with /)
}

// newGitFiles checks that file is inside a git repository and that rev names
// a commit there.
func newGitFiles(file, rev string) (*gitFiles, error) {
	if strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, " \t\n:") || rev == "" {
		return nil, diffUsage("--rev %q is not a revision", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, diffUsage("--rev needs git, which is not installed (or not on the PATH)")
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, diffUsage("%s: %v", file, err)
	}
	g := &gitFiles{rev: rev, dir: filepath.Dir(abs)}
	if st, err := os.Stat(g.dir); err != nil || !st.IsDir() {
		return nil, diffUsage("%s: no such folder", filepath.Dir(file))
	}
	prefix, err := g.git("rev-parse", "--show-prefix")
	if err != nil {
		return nil, diffUsage("%s is not inside a git repository: --rev needs one", file)
	}
	g.prefix = strings.TrimSpace(string(prefix))
	if _, err := g.git("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, diffUsage("unknown revision %q in the repository of %s", rev, file)
	}
	return g, nil
}

// git runs a git command in the file's folder and returns its output.
func (g *gitFiles) git(args ...string) ([]byte, error) {
	c := exec.Command("git", args...)
	c.Dir = g.dir
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// path returns a name's path inside the repository, or "" when it lies outside.
func (g *gitFiles) path(name string) string {
	abs, err := filepath.Abs(filepath.FromSlash(name))
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(g.dir, abs)
	if err != nil {
		return ""
	}
	p := path.Clean(g.prefix + filepath.ToSlash(rel))
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return ""
	}
	return p
}

// ReadFile returns the content of name at the revision.
func (g *gitFiles) ReadFile(name string) ([]byte, error) {
	p := g.path(name)
	if p == "" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	out, err := g.git("show", g.rev+":"+p)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return out, nil
}
