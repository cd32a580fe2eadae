package tui

import (
	"cmp"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/internal/textfmt"
	"github.com/orgdesign/orgdesign/internal/yamledit"
	"github.com/orgdesign/orgdesign/model"
)

// Options open a file in the editor.
type Options struct {
	Path    string // the file, as the user named it
	Data    []byte // its bytes as read from disk
	Source  Source // where the files it depends on are read
	NoColor bool   // NO_COLOR: no colour, emphasis by bold and reverse video only
	Lang    string // the language of the editor's words and of the findings: fr or en; empty is English
	Width   int    // the initial size; a WindowSizeMsg replaces it
	Height  int
}

type focus int

const (
	focusList focus = iota
	focusDetail
)

type mode int

const (
	modeNormal   mode = iota
	modeInput         // typing a value, a new id or a path
	modePick          // choosing from a filtered list
	modeConfirm       // y or n
	modeHelp          // the key reference
	modeSearch        // filtering the left pane
	modeQuit          // unsaved changes: save, discard or stay
	modeConflict      // the file on disk is not what the text is based on: overwrite, reload, save elsewhere or cancel
	modeLog           // the last messages
)

// prompt is what finishing an input or a pick does with the value.
type prompt struct {
	title string
	spec  spec
	old   string
	inRow bool // typed in the field's own row of the detail pane, not on the status line
	apply func(m *Model, value string) tea.Cmd
}

// maxUndo bounds the history: each step keeps the file's bytes.
const maxUndo = 500

// Model is the editor's state. Its methods have pointer receivers: Update
// changes it in place and returns it.
type Model struct {
	opts  Options
	name  string // the edited file's name for the loader (slash-separated)
	st    styles
	w     words         // the editor's words in the chosen language
	num   textfmt.Style // how figures are written
	guard *guard

	doc        *yamledit.Doc
	disk       []byte // the bytes on disk when opened, last saved or reloaded
	undo, redo []snapshot
	gen        int     // bumped by every change of the text
	res        *result // the latest computed result (may be older than gen)
	cache      *diskCache
	saving     bool
	savedCheck bool // saved: say so if the figures of the text saved show errors
	computing  bool // a recompute is running
	conflict   *conflict
	base       struct {
		heads   int
		payroll float64
	} // the figures when the file was opened

	// The versions of the file on disk the editor knows are numbered: the
	// one opened is 0, each reload makes a new one (a save continues the
	// text's). lineage is the version the text comes from, diskLineage the
	// one on disk: undo past a reload brings back a text of an older
	// version, which a save must not write silently.
	lineage, diskLineage, lineages int

	tab       int
	focus     focus
	cursor    [tabCount]int
	offset    [tabCount]int
	collapsed map[string]bool
	list      []entry
	want      string // the key of an entry to select once it appears
	rows      []row
	rowCursor int
	rowOffset int

	mode        mode
	input       textinput.Model
	inputErr    string
	prompt      *prompt
	cands       []candidate // a pick's choices
	picked      []candidate // those matching the filter
	pickAt      int
	pickQuery   string // the text the choices were filtered by
	confirm     string
	onConfirm   func(m *Model) tea.Cmd
	found       []entry // search results
	foundAt     int
	searchQuery string

	status    string
	statusErr bool
	log       []logLine // the messages shown, for L
	pageOff   int       // the first line of a page (help, log, conflict)
	preparing bool      // a question is being prepared in a command (askMsg)
	typeahead []tea.KeyPressMsg
	width     int
	height    int
	quitting  bool
	fatal     error // an internal error that ended the session
}

// New opens a file: it parses the text for editing and computes the first
// result before returning, so the first screen is complete.
func New(opts Options) (*Model, error) {
	doc, err := yamledit.Parse(opts.Data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Path, err)
	}
	w, err := newWords(opts.Lang)
	if err != nil {
		return nil, err
	}
	m := &Model{
		opts: opts, name: filepath.ToSlash(opts.Path), st: newStyles(opts.NoColor), w: w, num: w.num, guard: &guard{path: opts.Path},
		doc: doc, disk: slices.Clone(opts.Data), cache: newDiskCache(opts.Source.Files),
		collapsed: map[string]bool{}, width: cmp.Or(opts.Width, 80), height: cmp.Or(opts.Height, 24),
	}
	m.input = textinput.New()
	m.input.Prompt = ""
	ist := textinput.DefaultDarkStyles()
	ist.Cursor.Blink = false // a steady cursor: no timer runs while the editor waits
	if opts.NoColor {
		ist.Focused, ist.Blurred, ist.Cursor.Color = textinput.StyleState{}, textinput.StyleState{}, nil
	}
	m.input.SetStyles(ist)
	m.guard.set(m.doc.Bytes(), false)
	m.res = compute(m.gen, m.name, m.doc.Bytes(), opts.Source, m.cache, m.w.lang)
	if m.res.ioErr != nil {
		return nil, m.res.ioErr
	}
	switch own := m.res.own; {
	case own == nil:
		return nil, fmt.Errorf("%s cannot be read as a scenario:\n%v", opts.Path, m.res.diags)
	case own.Kind != model.KindScenario:
		kind := string(own.Kind)
		if kind == "" {
			kind = "not a scenario"
		} else {
			kind = "a " + kind + " file"
		}
		return nil, fmt.Errorf("%s is %s: the editor opens scenario files (`scenario:` at the top)", opts.Path, kind)
	}
	if r := m.res.resolved; r != nil {
		m.base.heads, m.base.payroll = r.Headcount(), r.Payroll()
	}
	m.refresh()
	if rs := recoveries(opts.Path); len(rs) > 0 {
		for i, r := range rs {
			rs[i] = filepath.Base(r) // beside the file
		}
		m.fail("%s", m.say("recoveryFiles", strings.Join(rs, ", ")))
	}
	return m, nil
}

// Init starts nothing: the first result was computed by New.
func (m *Model) Init() tea.Cmd { return nil }

// Err is the internal error that ended the session, if any.
func (m *Model) Err() error { return m.fatal }

// dirty reports whether the text differs from what is on disk.
func (m *Model) dirty() bool { return !m.doc.Equal(m.disk) }

// panicMsg is a panic recovered in a command.
type panicMsg struct {
	value any
	stack []byte
}

// safe wraps a command so a panic in it comes back as a message instead of
// killing the program with the user's work.
func safe(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if p := recover(); p != nil {
				msg = panicMsg{value: p, stack: debug.Stack()}
			}
		}()
		return cmd()
	}
}

// Update handles a message. A panic inside it ends the session cleanly: the
// unsaved text is written beside the file and the terminal restored.
func (m *Model) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	defer func() {
		if p := recover(); p != nil {
			cmd = m.crash(p, debug.Stack())
		}
	}()
	return m, safe(m.update(msg))
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if m.fatal != nil { // View failed: the text is already saved aside
		return tea.Quit
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.input.SetWidth(max(10, m.width-12))
		return nil
	case resultMsg:
		m.computing = false
		if msg.res.gen != m.gen {
			return m.recompute() // the text changed meanwhile: this one is stale
		}
		if !msg.res.good() && m.res != nil {
			// the figures of the last text without errors are kept, shown stale
			msg.res.kept = m.res
			if !m.res.good() {
				msg.res.kept = m.res.kept
			}
		}
		m.res = msg.res
		m.refresh()
		m.checkSaved()
		return nil
	case savedMsg:
		return m.saved(msg)
	case reloadedMsg:
		return m.reloaded(msg)
	case noteMsg:
		m.noted(msg)
		return nil
	case askMsg:
		m.asked(msg)
		return m.replay()
	case panicMsg:
		return m.crash(msg.value, msg.stack)
	case tea.KeyPressMsg:
		if m.preparing {
			// a question is being prepared (askMsg): the keys typed ahead
			// ("d" then "y") wait for it
			m.typeahead = append(m.typeahead, msg)
			return nil
		}
		return m.press(msg)
	case tea.PasteMsg:
		if m.mode == modeInput || m.mode == modePick || m.mode == modeSearch {
			return m.typed(msg)
		}
		return nil
	}
	if m.mode == modeInput || m.mode == modePick || m.mode == modeSearch {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	return nil
}

// crash records an internal error, keeps the user's work and quits.
func (m *Model) crash(p any, stack []byte) tea.Cmd {
	m.fatal = m.guard.crash(p, stack)
	m.quitting = true
	return tea.Quit
}

// recompute starts computing the result of the current text.
//
// One computation runs at a time: a change made while one runs is computed
// when its result comes back (and that stale result is dropped), so a burst
// of keys costs two computations, not one per key, and the last text is
// always the one shown.
func (m *Model) recompute() tea.Cmd {
	if m.computing {
		return nil
	}
	m.computing = true
	return computeCmd(m.gen, m.name, slices.Clone(m.doc.Bytes()), m.opts.Source, m.cache, m.w.lang)
}

// pending reports whether the shown figures are older than the text.
func (m *Model) pending() bool { return m.res == nil || m.res.gen != m.gen }

// refresh rebuilds the left pane from the latest result and keeps the
// selection on the same item.
func (m *Model) refresh() {
	var key string
	if e, ok := m.selected(); ok {
		key = e.key()
	}
	if m.want != "" {
		key = m.want
	}
	m.list = entries(m.w, m.res, m.tab, m.collapsed)
	if key != "" {
		if i := slices.IndexFunc(m.list, func(e entry) bool { return e.key() == key }); i >= 0 {
			m.cursor[m.tab] = i
			if key == m.want {
				m.want = ""
			}
		}
	}
	m.clampCursor()
	m.rebuildRows()
}

// clampCursor keeps the cursor on a selectable entry of the list.
func (m *Model) clampCursor() {
	c := &m.cursor[m.tab]
	*c = min(max(*c, 0), max(len(m.list)-1, 0))
	if len(m.list) == 0 {
		return
	}
	for i := *c; i < len(m.list); i++ {
		if m.list[i].selectable() {
			*c = i
			return
		}
	}
	for i := *c; i >= 0; i-- {
		if m.list[i].selectable() {
			*c = i
			return
		}
	}
}

// selected returns the entry under the cursor of the current tab.
func (m *Model) selected() (entry, bool) {
	c := m.cursor[m.tab]
	if c < 0 || c >= len(m.list) || !m.list[c].selectable() {
		return entry{}, false
	}
	return m.list[c], true
}

// rebuildRows lists the fields of the selected item: from the current text
// for the edited file's own items (so an edit shows at once), from the file
// they come from for inherited ones.
func (m *Model) rebuildRows() {
	m.rows = nil
	if e, ok := m.selected(); ok {
		if mapSections[e.section] {
			m.rows = mapRows(e.section, m.nodeOf(e), m.merged(e.section))
		} else if node := m.nodeOf(e); node != nil {
			m.rows = rowsOf(e.section, node)
		}
	}
	m.rowCursor = min(max(m.rowCursor, 0), max(len(m.rows)-1, 0))
}

// merged returns the scenario's value of a group section (mapSections), this
// file's fields over the inherited ones; invalid when it has none.
func (m *Model) merged(section string) reflect.Value {
	r := m.res.resolvedOrNil()
	if r == nil {
		return reflect.Value{}
	}
	return groupOf(r.Scenario, section)
}

// nodeOf returns the yaml node of an entry's item, or nil.
func (m *Model) nodeOf(e entry) *yaml.Node {
	if e.section == "" {
		return nil
	}
	if e.own(m.res) {
		_, n, ok := locate(m.doc.Root(), e)
		if !ok {
			return nil
		}
		return n
	}
	f := m.res.files[e.file]
	if f == nil {
		return nil
	}
	return nodeAt(f.Root, e.section, e.pos)
}

// setStatus shows a message on the status line (and keeps it in the log).
func (m *Model) setStatus(format string, args ...any) {
	m.status, m.statusErr = fmt.Sprintf(format, args...), false
	m.logStatus()
}

// fail shows an error on the status line (and keeps it in the log); the
// session goes on.
func (m *Model) fail(format string, args ...any) {
	m.status, m.statusErr = fmt.Sprintf(format, args...), true
	m.logStatus()
}
