package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/orgdesign/orgdesign/internal/escape"
)

// WriteText writes diagnostics one per line, `file:line:col: severity: message [code]`,
// each hint on an indented line below. Control characters (a file name or a
// quoted value holding an escape sequence) are shown as U+FFFD, so the
// diagnostics cannot drive the terminal they are read on.
func WriteText(w io.Writer, ds Diagnostics) error {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(escape.Terminal(d.String()))
		b.WriteByte('\n')
		if d.Hint != "" {
			fmt.Fprintf(&b, "    hint: %s\n", escape.Terminal(d.Hint))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes diagnostics as one JSON document with counts.
func WriteJSON(w io.Writer, files []string, ds Diagnostics) error {
	if ds == nil {
		ds = Diagnostics{}
	}
	if files == nil {
		files = []string{}
	}
	doc := struct {
		Files       []string    `json:"files"`
		Errors      int         `json:"errors"`
		Warnings    int         `json:"warnings"`
		Diagnostics Diagnostics `json:"diagnostics"`
	}{files, ds.Count(Error), ds.Count(Warning), ds}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// WriteGitHub writes diagnostics as GitHub Actions workflow commands, so CI
// shows them as annotations on the lines they point at.
func WriteGitHub(w io.Writer, ds Diagnostics) error {
	var b strings.Builder
	for _, d := range ds {
		level := "error"
		switch d.Severity {
		case Warning:
			level = "warning"
		case Info:
			level = "notice"
		}
		msg := d.Message
		if d.Hint != "" {
			msg += " (" + d.Hint + ")"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level,
			ghProperty(d.File), d.Line, d.Col, ghProperty(d.Code), ghData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
