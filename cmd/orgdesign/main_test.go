package main

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/orgdesign/orgdesign/chart"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"orgdesign": func() { os.Exit(program()) },
	})
}

// TestScripts runs the CLI contract in testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	// The test process has already compiled go-graphviz's WebAssembly into the
	// system temp folder's cache: scripts pointed there start warm.
	shared := os.TempDir()
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("UPDATE") == "1",
		Setup: func(env *testscript.Env) error {
			// One TMPDIR for every script, so go-graphviz compiles its
			// WebAssembly once (see shared/reference/libraries.md).
			env.Setenv("TMPDIR", shared)
			env.Setenv("NO_COLOR", "1")
			root, err := filepath.Abs("../..")
			if err != nil {
				return err
			}
			env.Setenv("REPO", root)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sametree":    sameTree,
			"layoutframe": layoutFrame,
		},
	})
}

// sameTree is the script command `sametree DIR1 DIR2`: the two folders hold
// the same files with the same bytes.
func sameTree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: sametree DIR1 DIR2")
	}
	read := func(dir string) map[string][]byte {
		files := map[string][]byte{}
		root := ts.MkAbs(dir)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			rel, _ := filepath.Rel(root, path)
			files[filepath.ToSlash(rel)] = data
			return err
		})
		ts.Check(err)
		return files
	}
	a, b := read(args[0]), read(args[1])
	var diff []string
	for name, data := range a {
		if other, ok := b[name]; !ok {
			diff = append(diff, name+" only in "+args[0])
		} else if !bytes.Equal(data, other) {
			diff = append(diff, name+" differs")
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diff = append(diff, name+" only in "+args[1])
		}
	}
	switch {
	case neg && len(diff) == 0:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	case !neg && len(diff) > 0:
		slices.Sort(diff)
		ts.Fatalf("%s and %s differ:\n%s", args[0], args[1], strings.Join(diff, "\n"))
	}
}

// layoutFrame is the script command `layoutframe [-handshake TEXT] DOT OUT`:
// OUT gets what a process sends a layout worker to have the DOT file laid
// out — the handshake (chart.Handshake, or TEXT), then the text — each
// framed as a status byte, the length on four bytes, the bytes.
func layoutFrame(ts *testscript.TestScript, neg bool, args []string) {
	hello := chart.Handshake
	if len(args) == 4 && args[0] == "-handshake" {
		hello, args = args[1], args[2:]
	}
	if neg || len(args) != 2 {
		ts.Fatalf("usage: layoutframe [-handshake TEXT] DOT OUT")
	}
	var out []byte
	for _, msg := range [][]byte{[]byte(hello), []byte(ts.ReadFile(args[0]))} {
		out = binary.BigEndian.AppendUint32(append(out, 0), uint32(len(msg)))
		out = append(out, msg...)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
}
