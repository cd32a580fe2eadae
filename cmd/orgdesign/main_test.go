package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"orgdesign": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
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
	})
}
