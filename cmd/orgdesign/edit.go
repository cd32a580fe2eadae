package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/scenarios"
	"github.com/orgdesign/orgdesign/templates"
	"github.com/orgdesign/orgdesign/tui"
)

type editOptions struct {
	*globalOptions
	lang string
}

func newEditCmd(g *globalOptions) *cobra.Command {
	o := &editOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "edit FILE",
		Short: "Edit a scenario in the terminal, with live validation, headcount, payroll and risk levels",
		Long: `Open a scenario file in the terminal editor: the unit tree beside the fields
of the selected item, and tabs for the RACI (mandates and delivery chain),
channels, systems and interfaces, risks, context (institutional frame,
strategy, demand, transition, actors, relations, phases, staff profiles,
prerequisites) and diagnostics.

Fields are edited in place and checked as they are typed; references
(reportsTo, owner, accountable, responsible…) are chosen from a list filtered
as you type, over ids and names. a adds, c duplicates, m moves a unit under
another, d deletes (after asking), u undoes, ctrl+r redoes, ctrl+s saves, q
quits, ? lists every key. Changing an item's id changes every reference to
it in the file in the same step (one undo). Diagnostics, headcount, payroll
and risk levels are recomputed after every change.

Items inherited through extends are shown with the file they come from and
are read-only (c copies one into the file to override it); a replicated unit
is edited through its template.

Saving changes only the lines edited: comments, blank lines, key order,
quoting and indentation stay as they were. The file is written atomically,
after comparing the text with the file on disk: when the file changed since
it was read, or the text comes from before a reload (undo brought it back),
nothing is written; the lines that differ are shown, those on disk and those
of the text, and you choose: keep this text, take the file's, save elsewhere,
or cancel. A text with errors is saved all the same, and the editor says so. Quitting with unsaved changes asks first. Should the
editor fail, be sent SIGTERM or SIGHUP (the connection drops), or get ctrl+c
while the keys do not come from a terminal, your unsaved text is written to
FILE.orgdesign-recover at once, with the file's own permissions; an earlier
recovery file is never replaced (the next is FILE.orgdesign-recover.2), and
the next session on the file says where they are. Text from the file is
shown as text: escape sequences and other control characters in it appear
as U+FFFD.

The editor's words, and the titles and explanations of the risks the rules
derive, are in French or English: --lang, or else the language of the locale
(LC_ALL, LC_MESSAGES, LANG: fr_FR.UTF-8 is French, en_GB.UTF-8 English),
French otherwise.

The editor needs a terminal: with standard output redirected it refuses to
start (exit code 2). NO_COLOR turns colours off.`,
		Example: `  orgdesign edit option-b.yaml
  orgdesign edit --lang en option-b.yaml
  NO_COLOR=1 orgdesign edit scenarios/common.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args[0])
		},
	}
	cmd.Flags().StringVar(&o.lang, "lang", "", "language of the editor and of the findings: fr or en (default: the locale's, else fr)")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// editLang is the language of the editor: the one asked for, else the
// locale's when it is French or English, else the default (French).
func editLang(flag string, getenv func(string) string) (string, error) {
	switch {
	case flag != "" && !slices.Contains(templates.Languages(), flag):
		return "", &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --lang %q: use fr or en", flag)}
	case flag != "":
		return flag, nil
	}
	return cmp.Or(tui.LangFromEnv(getenv), templates.Default), nil
}

func (o *editOptions) run(cmd *cobra.Command, path string) error {
	lang, err := editLang(o.lang, os.Getenv)
	if err != nil {
		return err
	}
	out, ok := cmd.OutOrStdout().(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		return &exitError{code: exitUsage, msg: "edit needs a terminal: standard output is not one (run it without redirecting its output)"}
	}
	var in io.Reader // nil: the terminal is opened when standard input is not one
	if f, ok := cmd.InOrStdin().(*os.File); ok && term.IsTerminal(f.Fd()) {
		in = f
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return &exitError{code: exitUsage, msg: err.Error()}
	case st.IsDir():
		return &exitError{code: exitUsage, msg: path + " is a folder: give a scenario file"}
	case st.Size() > o.maxSize:
		return &exitError{code: exitUsage, msg: fmt.Sprintf("%s is %d bytes, over the --max-size limit of %d", path, st.Size(), o.maxSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	err = tui.Run(tui.Options{
		Path: path,
		Data: data,
		Source: tui.Source{Files: model.OSFiles{}, Builtin: scenarios.Files(), BuiltinDir: scenarios.Dir,
			MaxSize: o.maxSize},
		NoColor: os.Getenv("NO_COLOR") != "",
		Lang:    lang,
	}, in, out)
	var crash *tui.CrashError
	if errors.As(err, &crash) {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s\n", crash.Stack)
	}
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	return nil
}
