package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoNetworkInProjectCode: the tool makes no network connection. No
// non-test source of the project imports a package that dials or listens
// (net, net/http, net/rpc, net/smtp, crypto/tls…), but serve.go, which
// listens on a loopback address for report --serve (checkLoopback, tested)
// and dials nothing; the browser test and PDF export run Chromium on local
// files only. (excelize, a dependency, imports net/http for
// http.DetectContentType, which opens nothing.)
func TestNoNetworkInProjectCode(t *testing.T) {
	forbidden := []string{"net", "net/http", "net/rpc", "net/smtp", "net/mail", "crypto/tls", "net/http/httputil"}
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		if filepath.ToSlash(path) == "../../cmd/orgdesign/serve.go" {
			full, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(full, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && (strings.Contains(sel.Sel.Name, "Dial") || sel.Sel.Name == "Get" || sel.Sel.Name == "Post" || sel.Sel.Name == "Client") {
					t.Errorf("%s: %s.%s: the server dials nothing", fset.Position(sel.Pos()), sel.X, sel.Sel.Name)
				}
				return true
			})
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if imp, ok := n.(*ast.ImportSpec); ok {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range forbidden {
					if p == bad {
						t.Errorf("%s imports %s", path, p)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked", checked)
	}
}
