package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Severity ranks a diagnostic: errors stop the pipeline, warnings and infos don't.
type Severity int

// The severities, most serious first.
const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// MarshalJSON writes the severity as its name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Pos is a position in a source file; Line and Col count from 1, 0 means unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem found in a file.
type Diagnostic struct {
	Pos
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	// Say and SayHint let a report give the message and the hint in its own
	// language; zero when they exist in English only (Message, Hint). A hint
	// without words of its own is the one its message's key names (HintWords).
	Say     Words `json:"-"`
	SayHint Words `json:"-"`
}

// HintWords are the words of the diagnostic's hint: its own, or else the
// hint its message's key names.
func (d Diagnostic) HintWords() Words {
	if d.SayHint.Key != "" {
		return d.SayHint
	}
	return Words{Key: d.Say.Key}
}

// Words name a sentence in the report's strings (the sections
// diagnosticMessage and diagnosticHint of templates/i18n) and the values
// that fill its {1}, {2}, {3}: ids and file names, never translated. In
// English the sentence reads as Message or Hint (tested).
type Words struct {
	Key  string
	Args [3]string
}

// String formats the diagnostic as `file:line:col: severity: message [code]`.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Code)
}

// Diagnostics is a list of diagnostics.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns how many diagnostics have the severity.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders diagnostics by file, line, column, then severity and code, and
// drops exact duplicates (an item inherited by several scenarios is checked once per scenario).
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			strings.Compare(a.Code, b.Code),
			strings.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(ds)
}

// Error lets a list of diagnostics travel as an error.
func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// diags collects diagnostics while a file is read or checked.
type diags struct{ list Diagnostics }

func (c *diags) add(p Pos, s Severity, code, hint, format string, args ...any) {
	c.list = append(c.list, Diagnostic{Pos: p, Severity: s, Code: code, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// say gives the diagnostic added last its message's words (Words).
func (c *diags) say(key string, args ...string) {
	c.list[len(c.list)-1].Say = words(key, args)
}

func words(key string, args []string) Words {
	w := Words{Key: key}
	copy(w.Args[:], args)
	return w
}

// oneOfTo sets the hint of the diagnostic added last as oneOf writes it:
// "did you mean" the candidate nearest s (with its words), else the
// candidates listed.
func (c *diags) oneOfTo(s string, candidates []string) {
	d := &c.list[len(c.list)-1]
	if !d.SuggestNearest(s, candidates) {
		d.Hint = oneOf(s, candidates)
	}
}

func (c *diags) errorf(p Pos, code, format string, args ...any) {
	c.add(p, Error, code, "", format, args...)
}

// Meta carries where an item was read: its own position and the position of
// each key's value ("key" for a field, "key[i]" for an item of a list of scalars).
type Meta struct {
	Pos  Pos
	keys map[string]Pos
}

// At returns the position of a field's value, or of the item when the field is absent.
func (m *Meta) PosOf(key string) Pos {
	if p, ok := m.keys[key]; ok {
		return p
	}
	return m.Pos
}

// Has reports whether the field was written in the file.
func (m *Meta) Has(key string) bool {
	_, ok := m.keys[key]
	return ok
}

// ItemAt returns the position of item i of a list-of-scalars field.
func (m *Meta) ItemAt(key string, i int) Pos {
	if p, ok := m.keys[fmt.Sprintf("%s[%d]", key, i)]; ok {
		return p
	}
	return m.PosOf(key)
}

func (m *Meta) setKey(key string, p Pos) {
	if m.keys == nil {
		m.keys = make(map[string]Pos)
	}
	m.keys[key] = p
}

func (m *Meta) meta() *Meta { return m }
