package model

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// DefaultMaxSize is the largest file read unless the caller raises it: yaml.v3
// needs about 47 times the input in memory, so the cap is checked before parsing.
const DefaultMaxSize = 8 << 20

// maxDepth is the deepest nesting accepted; format v1 never goes past 8.
const maxDepth = 64

// Kind says what a file holds, from its single top-level key.
type Kind string

// The kinds of file.
const (
	KindScenario  Kind = "scenario"
	KindTerritory Kind = "territory"
	KindStudy     Kind = "study"
)

// File is one parsed file.
type File struct {
	Name       string
	Kind       Kind
	Scenario   *Scenario
	Territory  *TerritoryFile
	Study      *Study
	Country    *CountryFile
	Instrument *InstrumentFile
	Root       *yaml.Node // the document, positions kept, for editing
}

// Parse reads one file. It returns what it could build and every problem found;
// the file is nil only when nothing could be read.
func Parse(name string, data []byte, maxSize int64) (*File, Diagnostics) {
	c := &diags{}
	f := parse(name, data, maxSize, c)
	return f, c.list.Sort()
}

func parse(name string, data []byte, maxSize int64, c *diags) *File {
	top := Pos{File: name, Line: 1, Col: 1}
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	if int64(len(data)) > maxSize {
		c.add(top, Error, "too-large", "raise the limit with --max-size if the file is genuine",
			"the file is %s, over the %s limit", byteSize(int64(len(data))), byteSize(maxSize))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		c.add(posOfInvalidUTF8(name, data), Error, "invalid-utf8", "save the file as UTF-8",
			"the file is not valid UTF-8")
		return nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		c.errorf(top, "binary-file", "the file contains NUL bytes: it is not a YAML text file")
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		c.list = append(c.list, syntaxDiagnostic(name, data, err))
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		c.add(top, Error, "empty-file", "start with `scenario:`, `territory:` or `study:`", "the file is empty")
		return nil
	}
	root := doc.Content[0]
	if p, ok := tooDeep(root, 0); ok {
		c.errorf(Pos{File: name, Line: p.Line, Col: p.Column}, "too-deep", "the file nests deeper than %d levels", maxDepth)
		return nil
	}
	f := &File{Name: name, Root: &doc}
	if root.Kind != yaml.MappingNode {
		c.add(Pos{File: name, Line: root.Line, Col: root.Column}, Error, "unknown-kind",
			"start with `scenario:`, `territory:` or `study:`", "the file must be a mapping of sections, not %s", kindName(root))
		return nil
	}
	f.Kind = detectKind(root)
	d := &decoder{file: name, diags: c}
	switch f.Kind {
	case KindScenario:
		f.Scenario = &Scenario{}
		d.decode(root, reflect.ValueOf(f.Scenario).Elem(), "")
	case KindTerritory:
		f.Territory = &TerritoryFile{}
		d.decode(root, reflect.ValueOf(f.Territory).Elem(), "")
	case KindStudy:
		f.Study = &Study{}
		d.decode(root, reflect.ValueOf(f.Study).Elem(), "")
	case KindCountry:
		f.Country = decodeCountry(d, root)
	case KindInstrument:
		f.Instrument = &InstrumentFile{}
		d.decode(root, reflect.ValueOf(f.Instrument).Elem(), "")
	default:
		var keys []string
		for i := 0; i < len(root.Content); i += 2 {
			keys = append(keys, root.Content[i].Value)
		}
		hint := "start with `scenario:`, `territory:`, `study:` or `country:`"
		if len(keys) > 0 {
			if s := nearest(keys[0], []string{"scenario", "territory", "study", "country"}); s != "" {
				hint = fmt.Sprintf("did you mean `%s`?", s)
			}
		}
		c.add(Pos{File: name, Line: root.Line, Col: root.Column}, Error, "unknown-kind", hint,
			"not an orgdesign file: no `scenario:`, `territory:`, `study:` or `country:` section")
		return nil
	}
	return f
}

func detectKind(root *yaml.Node) Kind {
	for i := 0; i < len(root.Content); i += 2 {
		switch k := Kind(root.Content[i].Value); k {
		case KindScenario, KindTerritory, KindStudy, KindCountry, KindInstrument:
			return k
		}
	}
	return ""
}

// tooDeep finds a node nested deeper than maxDepth, without recursing past it.
func tooDeep(n *yaml.Node, depth int) (*yaml.Node, bool) {
	if depth > maxDepth {
		return n, true
	}
	for _, c := range n.Content {
		if p, ok := tooDeep(c, depth+1); ok {
			return p, true
		}
	}
	return nil, false
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// syntaxDiagnostic turns a yaml.v3 error (which gives a line, never a column)
// into a diagnostic pointing at the first non-blank character of that line.
func syntaxDiagnostic(name string, data []byte, err error) Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
	}
	lines := strings.Split(string(data), "\n")
	col, hint := 1, ""
	if line >= 1 && line <= len(lines) {
		text := lines[line-1]
		col = len(text) - len(strings.TrimLeft(text, " ")) + 1
		if strings.Contains(text, "\t") {
			hint = "YAML indents with spaces: replace the tabs"
		}
	}
	code := "yaml-syntax"
	switch {
	case strings.Contains(msg, "max depth"):
		code = "too-deep"
	case strings.Contains(msg, "aliasing"):
		code = "excessive-aliasing"
	case strings.Contains(msg, "already defined"):
		code = "duplicate-key"
	}
	if hint == "" && strings.Contains(msg, "mapping values are not allowed") {
		hint = "quote a value that contains `: `"
	}
	return Diagnostic{Pos: Pos{File: name, Line: line, Col: col}, Severity: Error, Code: code, Message: msg, Hint: hint}
}

func posOfInvalidUTF8(name string, data []byte) Pos {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return Pos{File: name, Line: line, Col: col}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
