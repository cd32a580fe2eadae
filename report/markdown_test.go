package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// TestEscapedTextReadsLiterally renders escaped hostile text through goldmark
// and checks it comes back as the same plain text, in a paragraph and in a
// table cell.
func TestEscapedTextReadsLiterally(t *testing.T) {
	inputs := []string{
		"Service accueil | orientation",
		"<b>gras</b> & <script>alert(1)</script>",
		"*a* _b_ `c` ~d~ [e](f) ![g](h) <http://x.y>",
		"# pas un titre",
		"1. pas une liste",
		"> pas une citation",
		"--- pas une règle",
		"&amp; &#x41;",
		`fin\`,
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, in := range inputs {
		esc := escape.Markdown(in)
		src := []byte(esc + "\n\n| a | b |\n| --- | --- |\n| " + esc + " | x |\n")
		doc := md.Parser().Parse(text.NewReader(src))
		p, ok := doc.FirstChild().(*ast.Paragraph)
		if !ok {
			t.Errorf("%q: first block is %s, want a paragraph", in, doc.FirstChild().Kind())
			continue
		}
		if got := plainText(p, src); got != in {
			t.Errorf("%q: paragraph reads %q", in, got)
		}
		rows := tableRows(doc, src)
		if len(rows) != 2 || len(rows[1]) != 2 || rows[1][0] != in || rows[1][1] != "x" {
			t.Errorf("%q: table rows = %q", in, rows)
		}
	}
}

// tableRows returns the text of every cell of every table of a document.
func tableRows(doc ast.Node, src []byte) [][]string {
	var rows [][]string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *east.TableHeader, *east.TableRow:
			var row []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				row = append(row, plainText(c, src))
			}
			rows = append(rows, row)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return rows
}

func TestMarkdownBlock(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"\n\nUn *résumé*.\n\n", "Un *résumé*."},
		{"Deux\r\nlignes", "Deux\nlignes"},
		{"- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |", "- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |"},
		{"```go\nclosed\n```", "```go\nclosed\n```"},
		{"<div>html block</div>", "<div>html block</div>"}, // ends at the blank line; omitted by the renderer
		// Blocks left open would swallow the rest of the page: written as text.
		{"```\nnot closed", "\\`\\`\\`\nnot closed"},
		{"<!-- comment\nleft open", "\\<!-- comment\nleft open"},
		{"<script>\nalert(1)", "\\<script\\>\nalert(1)"},
		{"~~~\n  indented", "\\~\\~\\~\nindented"},
	}
	for _, tt := range tests {
		if got := markdownBlock(tt.in); got != tt.want {
			t.Errorf("markdownBlock(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTemplatesEscapeEveryValue walks the Markdown templates: every action that
// writes something must end in esc, t or markdown (or write a constant), so no
// user text reaches the Markdown unescaped.
func TestTemplatesEscapeEveryValue(t *testing.T) {
	l, err := NewLanguage("fr")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := parseMarkdownTemplates(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	allowed := []string{"esc", "t", "markdown", "markdownCell", "cite", "chart", "quote"}
	var names []string
	for _, tt := range tmpl.Templates() {
		if tt.Tree == nil {
			continue
		}
		names = append(names, tt.Name())
		var walk func(n parse.Node)
		walk = func(n parse.Node) {
			switch n := n.(type) {
			case *parse.ListNode:
				if n == nil {
					return
				}
				for _, c := range n.Nodes {
					walk(c)
				}
			case *parse.ActionNode:
				if len(n.Pipe.Decl) > 0 {
					return // an assignment writes nothing
				}
				last := n.Pipe.Cmds[len(n.Pipe.Cmds)-1]
				switch a := last.Args[0].(type) {
				case *parse.IdentifierNode:
					if slices.Contains(allowed, a.Ident) {
						return
					}
				case *parse.StringNode:
					return
				}
				t.Errorf("%s: %s writes a value without esc, t or markdown", tt.Name(), n)
			case *parse.IfNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.RangeNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.WithNode:
				walk(n.List)
				walk(n.ElseList)
			}
		}
		walk(tt.Tree.Root)
	}
	slices.Sort(names)
	for _, want := range []string{"analysis", "analyze.md.tmpl", "benchmark.md.tmpl", "comparison", "diagnostics", "index.md.tmpl", "scenario.md.tmpl"} {
		if !slices.Contains(names, want) {
			t.Errorf("template %q was not checked (checked %s)", want, strings.Join(names, ", "))
		}
	}
}

// TestMarkdownCell: a Markdown field in a table cell keeps its inline
// Markdown on one line; block syntax is flattened, pipes escaped, control
// characters dropped; the table keeps its columns.
func TestMarkdownCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"**Prévu.**", "**Prévu.**"},
		{"Entre l'option *A*\net la `B`.", "Entre l'option *A* et la `B`."},
		{"Premier paragraphe.\n\nSecond, [lien](https://example.org).", "Premier paragraphe. Second, [lien](https://example.org)."},
		{"# Titre\n\n- un\n- *deux*\n\n> cité", "Titre un *deux* cité"},
		{"a | b `c|d` e \\| f \\\\| g", `a \| b ` + "`c\\|d`" + ` e \| f \\\| g`},
		{"```\ncode <b>|x\n```", `code \<b\>\|x`},
		{"<div>html</div>\n\n---\n\nsuite", "suite"},
		{"nul\x00\u2028sep", "nul sep"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", `a b 1 2`},
		{"", ""},
	} {
		if got := markdownCell(c.in); got != c.want {
			t.Errorf("markdownCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Rendered in a table, each field stays in its cell, its Markdown read.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var out bytes.Buffer
	row := "| x | y |\n| --- | --- |\n| " + markdownCell("**Prévu.** a|b\n\n- c") + " | " + markdownCell("a <script>x</script>") + " |\n"
	if err := md.Convert([]byte(row), &out); err != nil {
		t.Fatal(err)
	}
	if want := "<td><strong>Prévu.</strong> a|b c</td>\n<td>a <!-- raw HTML omitted -->x<!-- raw HTML omitted --></td>"; !strings.Contains(out.String(), want) {
		t.Errorf("%s\nwant it to hold %s", out.String(), want)
	}
}
