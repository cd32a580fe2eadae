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

	tea "charm.land/bubbletea/v2"

	"github.com/orgdesign/orgdesign/internal/atomic"
	"github.com/orgdesign/orgdesign/internal/yamledit"
)

// savedMsg reports a write: to the edited file or, after a conflict, elsewhere.
type savedMsg struct {
	path      string
	data      []byte
	err       error
	conflict  bool // the edited file changed on disk since it was read: nothing written
	quit      bool
	elsewhere bool
}

// reloadedMsg brings the file's bytes read again from disk.
type reloadedMsg struct {
	data []byte
	err  error
}

// save writes the text to the file, atomically, unless the file changed on
// disk since it was opened or last saved: then the user chooses.
func (m *Model) save(quit bool) tea.Cmd {
	if !m.dirty() {
		if quit {
			m.quitting = true
			return tea.Quit
		}
		m.setStatus("no changes to save")
		return nil
	}
	if m.saving {
		m.setStatus("saving…")
		return nil
	}
	m.saving = true
	path, data, expected := m.opts.Path, slices.Clone(m.doc.Bytes()), m.disk
	return func() tea.Msg {
		cur, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return savedMsg{path: path, conflict: true, quit: quit}
		case err != nil:
			return savedMsg{path: path, err: err, quit: quit}
		case !bytes.Equal(cur, expected):
			return savedMsg{path: path, conflict: true, quit: quit}
		}
		return savedMsg{path: path, data: data, err: atomic.WriteFile(path, data), quit: quit}
	}
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saving = false
	switch {
	case msg.conflict:
		m.mode = modeConflict
		return nil
	case msg.err != nil:
		m.fail("not saved: %v", msg.err)
		return nil
	case msg.elsewhere:
		m.setStatus("saved to %s; %s on disk was left as it is", msg.path, m.opts.Path)
		return nil
	}
	m.disk = msg.data
	m.guard.set(m.doc.Bytes(), m.dirty())
	m.setStatus("saved %s", m.opts.Path)
	if msg.quit {
		m.quitting = true
		return tea.Quit
	}
	return nil
}

// askSaveAs asks for another file to write the text to.
func (m *Model) askSaveAs() tea.Cmd {
	ext := filepath.Ext(m.opts.Path)
	def := strings.TrimSuffix(m.opts.Path, ext) + "-mine" + ext
	p := &prompt{title: "save to", spec: spec{kind: kText}, apply: func(m *Model, path string) tea.Cmd {
		if path == "" || path == m.opts.Path {
			m.fail("choose another file than %s", m.opts.Path)
			return nil
		}
		data := slices.Clone(m.doc.Bytes())
		return func() tea.Msg {
			if _, err := os.Stat(path); err == nil {
				return savedMsg{path: path, err: fmt.Errorf("%s exists: choose a new name", path), elsewhere: true}
			}
			return savedMsg{path: path, data: data, err: atomic.WriteFile(path, data), elsewhere: true}
		}
	}}
	return m.ask(p, def)
}

// reload replaces the text with the file as it is now on disk; the text
// being replaced can be brought back with undo.
func (m *Model) reload() tea.Cmd {
	path := m.opts.Path
	return func() tea.Msg {
		data, err := os.ReadFile(path)
		return reloadedMsg{data: data, err: err}
	}
}

func (m *Model) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		m.fail("not reloaded: %v", msg.err)
		return nil
	}
	d, err := yamledit.Parse(msg.data)
	if err != nil {
		m.fail("not reloaded: %v", err)
		return nil
	}
	m.undo = append(m.undo, slices.Clone(m.doc.Bytes()))
	m.redo = nil
	m.doc, m.disk = d, slices.Clone(msg.data)
	m.cache.forget()
	m.setStatus("reloaded %s from disk (u brings your version back)", m.opts.Path)
	return m.changed()
}
