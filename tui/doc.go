// Package tui is orgdesign's terminal editor (`orgdesign edit FILE`): the
// unit tree beside the fields of the selected item, tabs for the RACI,
// channels, systems and interfaces, risks and diagnostics; fields edited in
// place and checked as they are typed, references chosen from a fuzzy-filtered
// list whose highlight is always the row enter takes; add (the first item of
// an empty list included), duplicate, move, delete, undo and redo. Renaming an
// item's id renames every reference to it in the file in the same step;
// renaming an override or deleting says first what follows. The editor's
// words are in templates/i18n (section editor), in the language of
// Options.Lang.
//
// The file's text is the source of truth: every edit goes through
// internal/yamledit, which changes only the edited lines, and undo keeps
// snapshots of the bytes. After each edit a command (never Update) parses the
// text again with model, resolves it with the files it extends and its
// territory, and computes diagnostics, headcount, payroll and risk levels; the
// result carries the edit's generation, so a stale one is dropped.
//
// Items inherited through `extends` are shown with their file and are
// read-only (c copies one into the file to override it); a replicated unit is
// edited through its template. Saving writes atomically after comparing the
// text with the file on disk: when they diverged, the lines that differ are
// shown and the user chooses. An internal error never loses
// work: the unsaved text is written to FILE.orgdesign-recover and the
// terminal restored; the same goes for SIGTERM, SIGHUP (a lost terminal) and
// SIGINT (ctrl+c when the keys do not come from a terminal in raw mode). A
// recovery file never replaces another (the next is FILE.orgdesign-recover.2),
// and the next session on the file says where they are.
package tui
