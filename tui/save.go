package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/orgdesign/orgdesign/internal/atomic"
	"github.com/orgdesign/orgdesign/internal/yamledit"
	"github.com/orgdesign/orgdesign/model"
)

// Why a save found the file on disk other than the text is based on.
const (
	conflictChanged = iota + 1 // the file changed on disk since it was read or saved
	conflictGone               // the file is no longer there
	conflictOlder              // the text comes from before a reload: it would undo the version reloaded
)

// savedMsg reports a write: to the edited file or, after a conflict, elsewhere.
type savedMsg struct {
	path      string
	data      []byte
	err       error
	conflict  int    // why nothing was written: conflictChanged…; 0 when written
	theirs    []byte // the file on disk, in a conflict
	diff      []diffLine
	quit      bool
	elsewhere bool
}

// reloadedMsg brings the file's bytes read again from disk.
type reloadedMsg struct {
	data []byte
	err  error
}

// conflict is a save refused: what is on disk, and how it differs.
type conflict struct {
	why    int
	theirs []byte
	diff   []diffLine
	quit   bool
}

// snapshot is a text kept for undo, with the version of the file on disk
// it was based on (see Model.lineage).
type snapshot struct {
	data    []byte
	lineage int
}

// save writes the text to the file, atomically, after comparing it with
// the file on disk: when the file changed since it was read or saved, is
// gone, or when the text comes from before a reload (undo brought it back),
// nothing is written and the user sees the differences and chooses.
func (m *Model) save(quit bool) tea.Cmd {
	if !m.dirty() {
		if quit {
			m.quitting = true
			return tea.Quit
		}
		m.setStatus("%s", m.say("noChanges"))
		return nil
	}
	if m.saving {
		m.setStatus("%s", m.say("saving"))
		return nil
	}
	m.saving = true
	path, data, expected, older := m.opts.Path, slices.Clone(m.doc.Bytes()), m.disk, m.lineage != m.diskLineage
	return func() tea.Msg { return writeChecked(path, data, expected, older, quit) }
}

// writeChecked writes data to path when the file on disk is still expected
// (and the text is not older than it); else it reports the conflict with the
// differences. It runs in a command.
func writeChecked(path string, data, expected []byte, older, quit bool) tea.Msg {
	cur, err := os.ReadFile(path)
	why := 0
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why, cur = conflictGone, nil
	case err != nil:
		return savedMsg{path: path, err: err, quit: quit}
	case !bytes.Equal(cur, expected):
		why = conflictChanged
	case older && !bytes.Equal(cur, data):
		why = conflictOlder
	}
	if why != 0 {
		return savedMsg{path: path, conflict: why, theirs: cur, diff: lineDiff(cur, data, 2), quit: quit}
	}
	return savedMsg{path: path, data: data, err: atomic.WriteFile(path, data), quit: quit}
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saving = false
	switch {
	case msg.conflict != 0:
		m.conflict = &conflict{why: msg.conflict, theirs: msg.theirs, diff: msg.diff, quit: msg.quit}
		m.mode, m.pageOff = modeConflict, 0
		return nil
	case msg.err != nil:
		m.fail("%s", m.say("notSaved", msg.err))
		return nil
	case msg.elsewhere:
		m.setStatus("%s", m.say("savedElsewhere", msg.path, m.opts.Path))
		return nil
	}
	m.disk, m.diskLineage = msg.data, m.lineage
	m.guard.set(m.doc.Bytes(), m.dirty())
	m.setStatus("%s", m.say("saved", shortFile(m.name, m.name)))
	m.savedCheck = true
	m.checkSaved()
	if msg.quit {
		m.quitting = true
		return tea.Quit
	}
	return nil
}

// checkSaved says, once the figures of the text saved are known, when it
// has errors: it was saved all the same (work in progress may be
// incomplete), and the diagnostics say what to fix.
func (m *Model) checkSaved() {
	if !m.savedCheck || m.pending() {
		return
	}
	m.savedCheck = false
	if n := m.res.diags.Count(model.Error); n > 0 {
		m.fail("%s", m.say("savedWithErrors", shortFile(m.name, m.name), m.w.count("errors", n)))
	}
}

// conflictKey answers a conflict: keep this text (overwrite), take the
// file's (reload), save elsewhere, or cancel; the arrows scroll the
// differences.
func (m *Model) conflictKey(k tea.KeyPressMsg) tea.Cmd {
	c := m.conflict
	switch {
	case m.scrollPager(k):
		return nil
	case key.Matches(k, askKeys.Overwrite):
		m.mode, m.conflict = modeNormal, nil
		m.saving = true
		path, data := m.opts.Path, slices.Clone(m.doc.Bytes())
		return func() tea.Msg {
			if c.why == conflictGone {
				if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
					return writeChecked(path, data, nil, false, c.quit) // it came back: compare again
				}
				return savedMsg{path: path, data: data, err: atomic.WriteFile(path, data), quit: c.quit}
			}
			return writeChecked(path, data, c.theirs, false, c.quit) // unless it changed again meanwhile
		}
	case key.Matches(k, askKeys.Reload):
		m.mode, m.conflict = modeNormal, nil
		if c.why == conflictGone {
			m.fail("%s", m.say("goneNoReload", m.opts.Path))
			return nil
		}
		return m.reload()
	case key.Matches(k, askKeys.Elsewhere):
		m.mode, m.conflict = modeNormal, nil
		return m.askSaveAs()
	case key.Matches(k, askKeys.Cancel):
		m.mode, m.conflict = modeNormal, nil
		m.setStatus("%s", m.say("notSavedUnchanged"))
	}
	return nil
}

// conflictTitle says why the save was stopped.
func (m *Model) conflictTitle() string {
	file := txt(shortFile(m.name, m.name))
	switch m.conflict.why {
	case conflictGone:
		return m.say("conflictGone", file)
	case conflictOlder:
		return m.say("conflictOlder", file)
	}
	return m.say("conflictChanged", file)
}

// conflictQuestion asks what to do.
func (m *Model) conflictQuestion() string {
	return m.say("conflictAsk")
}

// conflictLines shows the lines that differ: those of the file on disk (−)
// and those of this text (+), with their line numbers and context.
func (m *Model) conflictLines(w int) []string {
	c := m.conflict
	out := []string{" " + m.st.err.Render("− "+m.say("conflictTheirs")) + "   " + m.st.ok.Render("+ "+m.say("conflictMine")), ""}
	if len(c.diff) == 0 {
		return append(out, " "+m.say("conflictSame"))
	}
	for _, d := range c.diff {
		if d.header && len(out) > 2 {
			out = append(out, m.st.dim.Render(" ⋯"))
		}
		n, st := d.a, m.st.plain
		switch d.op {
		case '-':
			st = m.st.err
		case '+':
			n, st = d.b, m.st.ok
		}
		out = append(out, st.Render(fit(fmt.Sprintf(" %c %4d │ %s", d.op, n, txt(d.text)), w)))
	}
	return out
}

// askSaveAs asks for another file to write the text to.
func (m *Model) askSaveAs() tea.Cmd {
	ext := filepath.Ext(m.opts.Path)
	def := strings.TrimSuffix(m.opts.Path, ext) + "-mine" + ext
	p := &prompt{title: m.say("saveTo"), spec: spec{kind: kText}, apply: func(m *Model, path string) tea.Cmd {
		if path == "" || path == m.opts.Path {
			m.fail("%s", m.say("chooseAnotherFile", m.opts.Path))
			return nil
		}
		data := slices.Clone(m.doc.Bytes())
		exists := m.say("fileExists", path)
		return func() tea.Msg {
			if _, err := os.Stat(path); err == nil {
				return savedMsg{path: path, err: errors.New(exists), elsewhere: true}
			}
			return savedMsg{path: path, data: data, err: atomic.WriteFile(path, data), elsewhere: true}
		}
	}}
	return m.ask(p, def)
}

// reload replaces the text with the file as it is now on disk; the text
// being replaced can be brought back with undo (saving it then asks, since
// it would undo the version reloaded).
func (m *Model) reload() tea.Cmd {
	path := m.opts.Path
	return func() tea.Msg {
		data, err := os.ReadFile(path)
		return reloadedMsg{data: data, err: err}
	}
}

func (m *Model) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		m.fail("%s", m.say("notReloaded", msg.err))
		return nil
	}
	d, err := yamledit.Parse(msg.data)
	if err != nil {
		m.fail("%s", m.say("notReloaded", err))
		return nil
	}
	m.undo = append(m.undo, snapshot{slices.Clone(m.doc.Bytes()), m.lineage})
	m.redo = nil
	m.lineages++
	m.doc, m.disk = d, slices.Clone(msg.data)
	m.lineage, m.diskLineage = m.lineages, m.lineages
	m.cache.forget()
	m.setStatus("%s", m.say("reloaded", m.opts.Path))
	return m.changed()
}
