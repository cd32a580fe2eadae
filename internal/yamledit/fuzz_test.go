package yamledit

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fuzzDocs hold every style the writer handles.
var fuzzDocs = []string{staffDoc, flowItems, blockItems, crlf(blockItems), "\ufeff" + staffDoc,
	"a: 'single'\nb: \"double\"\nc: |\n  lit\n  eral\nd: >-\n  fol\n  ded\ne:\nf: [x, \"y\", 'z']\ng: plain\n  folded\n",
	"- { id: r, name: \"R {t}\", at: port,\n    phase: p1, staff: [ { profile: g, count: 5 } ] }\n- [a, b]\n- - nested\n  - list\n"}

// FuzzSet sets any text on any scalar of documents in every style: the value
// must read back exactly, nothing else may change, and only the scalar's lines
// may differ. Valid UTF-8 is never refused.
func FuzzSet(f *testing.F) {
	for _, v := range values {
		f.Add(uint8(len(v)), uint16(len(v)*7), v)
	}
	f.Fuzz(func(t *testing.T, doc uint8, pick uint16, value string) {
		src := []byte(fuzzDocs[int(doc)%len(fuzzDocs)])
		d, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		var tg targets
		collect(d.Root(), Path{}, &tg)
		p := tg.scalars[int(pick)%len(tg.scalars)]
		_, err = check(t, src, set(p, value))
		if err != nil && utf8.ValidString(value) {
			t.Fatalf("Set(%s, %q) refused: %v", p, value, err)
		}
	})
}

// FuzzEdit parses any text and applies a random edit: Parse and the edits fail
// only with an *Error (the document then unchanged), and a successful edit passes
// the same checks as the property test.
func FuzzEdit(f *testing.F) {
	for i, doc := range fuzzDocs {
		f.Add(doc, uint64(i))
	}
	f.Add("a: &x 1\nb: *x\nc: !!str 2\n", uint64(1))
	f.Add("? complex\n: value\nk: {a: , b}\n", uint64(2))
	f.Add("a: x\u2028 y\nb: \"\u0085\"\n", uint64(3))
	f.Fuzz(func(t *testing.T, doc string, seed uint64) {
		d, err := Parse([]byte(doc))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse failed with a %T: %v", err, err)
			}
			return
		}
		if d.Root() == nil || !bytes.Equal(d.Bytes(), []byte(doc)) {
			return
		}
		var v any
		if yaml.Unmarshal([]byte(doc), &v) != nil || !stringKeys(v) {
			return // the generic model needs values with string keys
		}
		r := rand.New(rand.NewPCG(seed, 7))
		src := []byte(doc)
		for range 3 {
			o := randomOp(r, d.Root())
			out, err := check(t, src, o)
			if err != nil {
				continue
			}
			src = out
			if d, err = Parse(src); err != nil {
				t.Fatalf("%s: the result does not parse: %v", o, err)
			}
		}
	})
}

// stringKeys reports whether every mapping of a decoded value has string keys.
func stringKeys(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			if !stringKeys(e) {
				return false
			}
		}
	case []any:
		for _, e := range v {
			if !stringKeys(e) {
				return false
			}
		}
	case map[any]any:
		return false
	}
	return true
}
