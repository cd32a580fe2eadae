package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/orgdesign/orgdesign/internal/synth"
)

// benchFiles returns the edited file of each workload: option B of the
// default study, and the national-scale synthetic scenario (1,503 communes).
func benchFiles(b *testing.B) map[string]string {
	dir := copyScenarios(b)
	syn := b.TempDir()
	for name, data := range synth.Files(synth.National) {
		if err := os.WriteFile(filepath.Join(syn, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return map[string]string{
		"default":  filepath.Join(dir, option),
		"national": filepath.Join(syn, "scenario.yaml"),
	}
}

// BenchmarkKeystroke measures what one key costs the user: Update (moving the
// cursor in the unit tree, which rebuilds the selected unit's fields) and View.
func BenchmarkKeystroke(b *testing.B) {
	files := benchFiles(b)
	for _, name := range []string{"default", "national"} {
		b.Run(name, func(b *testing.B) {
			m := open(b, files[name])
			down, up := keyMsg("down"), keyMsg("up")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				k := down
				if i/8%2 == 1 {
					k = up
				}
				i++
				m.Update(k)
				_ = m.View()
			}
		})
	}
}

// BenchmarkTypeInField measures a key typed into a field being edited: the
// value is checked as it is typed.
func BenchmarkTypeInField(b *testing.B) {
	files := benchFiles(b)
	for _, name := range []string{"default", "national"} {
		b.Run(name, func(b *testing.B) {
			m := open(b, files[name])
			if name == "default" {
				find(b, m, "dir-prestations") // written in option B itself
			}
			toRow(b, m, "name")
			press(b, m, "enter")
			if m.mode != modeInput {
				b.Fatalf("not editing: %s", m.status)
			}
			x, bs := tea.KeyPressMsg{Code: 'x', Text: "x"}, keyMsg("backspace")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				k := x
				if i%2 == 1 {
					k = bs
				}
				i++
				m.Update(k)
				_ = m.View()
			}
		})
	}
}

// BenchmarkRecompute measures the command that follows an edit: parse the
// text, resolve it with what it extends and its territory, validate, analyse
// and assess the risks. It runs beside the event loop, not in Update.
func BenchmarkRecompute(b *testing.B) {
	files := benchFiles(b)
	for _, name := range []string{"default", "national"} {
		b.Run(name, func(b *testing.B) {
			m := open(b, files[name])
			data := m.doc.Bytes()
			b.ReportAllocs()
			for b.Loop() {
				res := compute(1, m.name, data, m.opts.Source, m.cache, m.w.lang)
				if res.resolved == nil {
					b.Fatal("not resolved")
				}
			}
		})
	}
}

// BenchmarkCommitEdit measures committing an edit in Update: the writer
// splices the new value into the text and the fields are rebuilt from it
// (the recompute it starts runs in a command and is not counted here).
func BenchmarkCommitEdit(b *testing.B) {
	files := benchFiles(b)
	for _, name := range []string{"default", "national"} {
		b.Run(name, func(b *testing.B) {
			m := open(b, files[name])
			if name == "default" {
				find(b, m, "dir-prestations")
			}
			toRow(b, m, "name")
			enter, bs, x := keyMsg("enter"), keyMsg("backspace"), tea.KeyPressMsg{Code: 'x', Text: "x"}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Update(enter) // edit
				if i%2 == 0 {
					m.Update(x)
				} else {
					m.Update(bs)
				}
				i++
				m.Update(enter) // commit: the text changes, a recompute is started (not run)
				_ = m.View()
			}
			if len(m.undo) == 0 {
				b.Fatal("nothing was edited")
			}
		})
	}
}
