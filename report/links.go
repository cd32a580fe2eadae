package report

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// safeLinks blanks the address of a Markdown link or image whose scheme is
// not http, https or mailto, and turns an autolink to such an address into its
// text; addresses without a scheme (a fragment, a page of the report) stay.
// goldmark's safe renderer blanks only javascript:, vbscript:, file: and
// data:, and keeps ms-msdt:, smb: or any other scheme a browser hands to
// another program.
type safeLinks struct{}

// Transform implements parser.ASTTransformer.
func (safeLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var autolinks []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !allowedURL(n.Destination) {
				n.Destination = nil
			}
		case *ast.Image:
			if !allowedURL(n.Destination) {
				n.Destination = nil
			}
		case *ast.AutoLink:
			if !allowedURL(n.URL(src)) {
				autolinks = append(autolinks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, a := range autolinks {
		label := ast.NewString(a.Label(src))
		label.SetRaw(true) // an autolink's text has no escapes or entities: written as it is, HTML-escaped
		a.Parent().ReplaceChild(a.Parent(), a, label)
	}
}

// urlBreaks removes the tabs and line breaks a browser ignores in an address.
var urlBreaks = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// allowedURL reports whether an address has no scheme or one of http, https
// and mailto, read as a browser reads it: tabs and line breaks anywhere, and
// spaces and control characters in front, ignored; a scheme is a letter, then
// letters, digits, + - or ., then a colon.
func allowedURL(u []byte) bool {
	s := strings.TrimLeftFunc(urlBreaks.Replace(string(u)), func(r rune) bool { return r <= ' ' })
	end := strings.IndexFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '+' || r == '-' || r == '.')
	})
	if end <= 0 || s[end] != ':' || !('a' <= s[0]|0x20 && s[0]|0x20 <= 'z') {
		return true // no scheme
	}
	switch strings.ToLower(s[:end]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}
