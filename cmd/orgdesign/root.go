package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/scenarios"
	"github.com/orgdesign/orgdesign/templates"
)

// Exit codes, documented in `orgdesign help exit-codes`.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// exitError carries an exit code up to Main; its message, if any, is printed.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// findings ends a command with exit code 1 without a further message.
func findings() error { return &exitError{code: exitFindings} }

// Main runs the command line and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "orgdesign:", terminalLines(ee.msg))
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "orgdesign:", terminalLines(err.Error()))
	return exitUsage
}

// terminalLines keeps a message's line breaks and shows any other control
// character (a file name holding an escape sequence) as U+FFFD.
func terminalLines(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = escape.Terminal(l)
	}
	return strings.Join(lines, "\n")
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	maxSize int64
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "orgdesign",
		Short: "Design and govern public agencies from YAML scenarios",
		Long: `orgdesign validates organisational scenarios of a public agency written in YAML
(structure, territory, mandates, HR, information systems, risks) and writes the
report a steering committee reads.

With no file argument, a command works on the embedded default study: the
scenarios for Morocco's social assistance agency (law 59-23).`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		DisableAutoGenTag: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUsage, msg: err.Error() + "\nRun '" + c.CommandPath() + " --help' for usage."}
	})
	root.PersistentFlags().Int64Var(&g.maxSize, "max-size", model.DefaultMaxSize, "largest input file read, in bytes")
	root.AddCommand(
		newValidateCmd(g),
		newAnalyzeCmd(g),
		newReportCmd(g),
		newChartCmd(g),
		newBenchmarkCmd(g),
		newRiskCmd(g),
		newCompareCmd(g),
		newDiffCmd(g),
		newEditCmd(g),
		newInitCmd(),
		newSchemaCmd(),
		newVersionCmd(),
		newExitCodesTopic(),
		newEnvironmentTopic(),
		newMethodsTopic(),
	)
	return root
}

// loadInputs resolves the command's file arguments (files and folders) or,
// with none, the embedded default set (with all, the embedded country and
// instrument files too). It returns the loader, which checks assessments
// against the embedded instruments' criteria, and the files.
func loadInputs(g *globalOptions, args []string, all bool) (*model.Loader, []string, error) {
	instruments, _, err := benchmarks.Instruments()
	if err != nil {
		return nil, nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	l := &model.Loader{Builtin: scenarios.Files(), BuiltinDir: scenarios.Dir, MaxSize: g.maxSize, Criteria: benchmarks.Criteria(instruments)}
	if len(args) == 0 {
		l.Files = scenarios.Files()
		if all {
			l.Files = embeddedFiles{scenarios.Files(), benchmarks.Files(), benchmarks.InstrumentFiles()}
			names := slices.Concat(scenarios.Names(), benchmarks.Names(), benchmarks.InstrumentNames())
			return l, names, nil
		}
		return l, []string{scenarios.Study}, nil
	}
	l.Files = model.OSFiles{}
	names, err := model.ExpandPaths(args)
	if err != nil {
		return nil, nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	if len(names) == 0 {
		return nil, nil, &exitError{code: exitUsage, msg: "no .yaml file in " + strings.Join(args, ", ")}
	}
	return l, slices.Compact(names), nil
}

// loadSet loads the inputs into a set; an unreadable file is a usage/I-O error.
func loadSet(g *globalOptions, args []string, all bool) (*model.Set, model.Diagnostics, []string, error) {
	l, names, err := loadInputs(g, args, all)
	if err != nil {
		return nil, nil, nil, err
	}
	set, diags, err := l.LoadSet(names)
	if err != nil {
		return nil, nil, nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	return set, diags, names, nil
}

// writeMarkdownOrText writes a command's result as Markdown (the report's own
// sections) when the format is markdown, else as terminal text.
func writeMarkdownOrText(out io.Writer, format string, md func() ([]byte, error), text func(io.Writer) error) error {
	if format != "markdown" {
		return text(out)
	}
	b, err := md()
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

// checkFormatLang refuses an output format other than text, json or markdown
// and a language the templates do not have (exit 2).
func checkFormatLang(format, lang string) error {
	switch format {
	case "text", "json", "markdown":
	default:
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --format %q: use text, json or markdown", format)}
	}
	if !slices.Contains(templates.Languages(), lang) {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --lang %q: use fr or en", lang)}
	}
	return nil
}
