package yamledit

import (
	"strings"
	"testing"
)

type editCase struct {
	name string
	src  string
	op   op
	want string
}

func set(p Path, v string) op      { return op{kind: "set", path: p, str: v} }
func setNum(p Path, v float64) op  { return op{kind: "num", path: p, num: v} }
func setBool(p Path, v bool) op    { return op{kind: "bool", path: p, b: v} }
func del(p Path) op                { return op{kind: "delete", path: p} }
func ins(p Path, i int, v any) op  { return op{kind: "insert", path: p, index: i, value: v} }
func appendKV(p Path, kv ...KV) op { return op{kind: "insert", path: p, index: -1, value: kv} }
func move(p Path, j int) op        { return op{kind: "move", path: p, index: j} }
func field(p Path, v any) op       { return op{kind: "field", path: p, value: v} }
func crlf(s string) string         { return strings.ReplaceAll(s, "\n", "\r\n") }
func runCases(t *testing.T, cases []editCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := check(t, []byte(c.src), c.op)
			if err != nil {
				t.Fatalf("%s: %v", c.op, err)
			}
			if string(out) != c.want {
				t.Errorf("%s:\n--- got\n%s--- want\n%s", c.op, out, c.want)
			}
		})
	}
}

const staffDoc = `units:
  - id: u1
    name: Direction
    cost: { setup: 800000, annual: 400000 }          # hyp-cout
    staff:                                           # hyp-effectif
      - { profile: cadre, count: 1 }
      - { profile: agent-accueil, count: 4 }
    description: >
      Informe les citoyens sur les mécanismes de l'ASD, explique les critères
      d'éligibilité.
`

func TestSetBlock(t *testing.T) {
	runCases(t, []editCase{
		{"plain stays plain", "a: x\nb: y\n", set(Path{"a"}, "z"), "a: z\nb: y\n"},
		{"inline comment kept", "a: x   # note\nb: y\n", set(Path{"a"}, "Délégation régionale d'El Jadida"),
			"a: Délégation régionale d'El Jadida # note\nb: y\n"},
		{"aligned comment keeps its column", "a: x      # note\nbb: yy    # other\n", set(Path{"a"}, "xyz"), "a: xyz    # note\nbb: yy    # other\n"},
		{"aligned comment after a flow mapping", "- { a: 1 }   # c\n", setNum(Path{0, "a"}, 100), "- { a: 100 } # c\n"},
		{"single-spaced comment left alone", "a: x # note\n", set(Path{"a"}, "xyz"), "a: xyz # note\n"},
		{"comma is fine in block", "a: x\n", set(Path{"a"}, "3,9 millions"), "a: 3,9 millions\n"},
		{"true needs quotes", "a: x\n", set(Path{"a"}, "true"), "a: \"true\"\n"},
		{"number needs quotes", "a: x\n", set(Path{"a"}, "123"), "a: \"123\"\n"},
		{"date needs quotes", "a: x\n", set(Path{"a"}, "2026-02-26"), "a: \"2026-02-26\"\n"},
		{"year-month stays plain", "start: 2026-02\n", set(Path{"start"}, "2027-01"), "start: 2027-01\n"},
		{"empty needs quotes", "a: x\n", set(Path{"a"}, ""), "a: \"\"\n"},
		{"colon space needs quotes", "a: x\n", set(Path{"a"}, "a: b"), "a: \"a: b\"\n"},
		{"hash needs quotes", "a: x\n", set(Path{"a"}, "#x"), "a: \"#x\"\n"},
		{"space hash needs quotes", "a: x\n", set(Path{"a"}, "x #y"), "a: \"x #y\"\n"},
		{"leading space", "a: x\n", set(Path{"a"}, " x"), "a: \" x\"\n"},
		{"trailing space", "a: x\n", set(Path{"a"}, "x "), "a: \"x \"\n"},
		{"newline escaped", "a: x\n", set(Path{"a"}, "l1\nl2"), "a: \"l1\\nl2\"\n"},
		{"tab escaped", "a: x\n", set(Path{"a"}, "a\tb"), "a: \"a\\tb\"\n"},
		{"control escaped", "a: x\n", set(Path{"a"}, "a\x01b\u2028c"), "a: \"a\\x01b\\Lc\"\n"},
		{"null word", "a: x\n", set(Path{"a"}, "null"), "a: \"null\"\n"},
		{"tilde", "a: x\n", set(Path{"a"}, "~"), "a: \"~\"\n"},
		{"dash", "a: x\n", set(Path{"a"}, "- x"), "a: \"- x\"\n"},
		{"non-breaking space stays plain", "a: x\n", set(Path{"a"}, "3,9\u00a0millions"), "a: 3,9\u00a0millions\n"},
		{"non-breaking space before a colon needs quotes", "a: x\n", set(Path{"a"}, "Contrôle\u00a0: oui"), "a: \"Contrôle\u00a0: oui\"\n"},
		{"single quotes kept", "a: 'x'\n", set(Path{"a"}, "it's"), "a: 'it''s'\n"},
		{"single quotes give way to double for a newline", "a: 'x'\n", set(Path{"a"}, "l1\nl2"), "a: \"l1\\nl2\"\n"},
		{"double quotes kept", "a: \"x\"\n", set(Path{"a"}, `say "hi" \o/`), "a: \"say \\\"hi\\\" \\\\o/\"\n"},
		{"double quotes kept for plain text", "a: \"2024-11\"\n", set(Path{"a"}, "2025-01"), "a: \"2025-01\"\n"},
		{"multi-line plain", "a: one\n  two\nb: 1\n", set(Path{"a"}, "x"), "a: x\nb: 1\n"},
		{"multi-line plain with a blank line", "a: one\n\n  two\nb: 1\n", set(Path{"a"}, "x"), "a: x\nb: 1\n"},
		{"multi-line double", "a: \"one\n  two\"\nb: 1\n", set(Path{"a"}, "x"), "a: \"x\"\nb: 1\n"},
		{"empty value", "a:\nb: 1\n", set(Path{"a"}, "x"), "a: x\nb: 1\n"},
		{"empty value with comment", "a: # c\nb: 1\n", set(Path{"a"}, "x"), "a: x # c\nb: 1\n"},
		{"quoted key", "\"a b\": 1\n", setNum(Path{"a b"}, 2), "\"a b\": 2\n"},
		{"number", "transition:\n  cost: 0\n", setNum(Path{"transition", "cost"}, 45500000.5), "transition:\n  cost: 45500000.5\n"},
		{"big number", "cost: 0\n", setNum(Path{"cost"}, 1e21), "cost: 1e+21\n"},
		{"number over quoted text", "cost: \"x\"\n", setNum(Path{"cost"}, -3), "cost: -3\n"},
		{"bool", "partial: true # c\n", setBool(Path{"partial"}, false), "partial: false # c\n"},
		{"block sequence of scalars", "v:\n  - a\n  - b\n", set(Path{"v", 1}, "c d"), "v:\n  - a\n  - c d\n"},
		{"nested staff count", staffDoc, setNum(Path{"units", 0, "staff", 1, "count"}, 7),
			strings.Replace(staffDoc, "agent-accueil, count: 4", "agent-accueil, count: 7", 1)},
		{"blank lines kept", "a: 1\n\n\nb: 2\n\n# end\n", setNum(Path{"b"}, 3), "a: 1\n\n\nb: 3\n\n# end\n"},
		{"CRLF", crlf("a: x\nb: y\n"), set(Path{"a"}, "z"), crlf("a: z\nb: y\n")},
		{"BOM", "\ufeffa: x\nb: y\n", set(Path{"b"}, "é"), "\ufeffa: x\nb: é\n"},
		{"no final newline", "a: x\nb: y", set(Path{"b"}, "z"), "a: x\nb: z"},
	})
}

func TestSetFlow(t *testing.T) {
	runCases(t, []editCase{
		{"flow mapping stays plain", "- { id: a, name: A }\n", set(Path{0, "name"}, "B c"), "- { id: a, name: B c }\n"},
		{"comma needs quotes in flow", "- { id: a, name: A }\n", set(Path{0, "name"}, "3,9 millions"), "- { id: a, name: \"3,9 millions\" }\n"},
		{"brace needs quotes in flow", "- { id: a, name: A }\n", set(Path{0, "name"}, "Délégation {territory}"),
			"- { id: a, name: \"Délégation {territory}\" }\n"},
		{"first field", "- { id: a, name: A } # c\n", set(Path{0, "id"}, "b"), "- { id: b, name: A } # c\n"},
		{"double quotes kept", "- { id: a, url: \"https://x.ma\", date: \"2024\" }\n", set(Path{0, "date"}, "2025"),
			"- { id: a, url: \"https://x.ma\", date: \"2025\" }\n"},
		{"flow sequence item", "r: [a, b, c]\n", set(Path{"r", 1}, "x y"), "r: [a, x y, c]\n"},
		{"flow sequence item needs quotes", "r: [a, b, c]\n", set(Path{"r", 2}, "x]"), "r: [a, b, \"x]\"]\n"},
		{"nested flow", "u: { a: [ { p: x, n: 1 } ] }\n", setNum(Path{"u", "a", 0, "n"}, 2), "u: { a: [ { p: x, n: 2 } ] }\n"},
		{"multi-line flow mapping", "- { id: r, name: \"R {t}\", at: port,\n    phase: p1, staff: [ { profile: g, count: 5 } ] }\n",
			set(Path{0, "phase"}, "p2"), "- { id: r, name: \"R {t}\", at: port,\n    phase: p2, staff: [ { profile: g, count: 5 } ] }\n"},
		{"CRLF flow", crlf("- { id: a, name: A }\n- { id: b }\n"), set(Path{1, "id"}, "c"), crlf("- { id: a, name: A }\n- { id: c }\n")},
	})
}

func TestSetAddsKey(t *testing.T) {
	runCases(t, []editCase{
		{"block mapping", "a:\n  b: 1\n  c: 2\nd: 3\n", set(Path{"a", "e"}, "x"), "a:\n  b: 1\n  c: 2\n  e: x\nd: 3\n"},
		{"after a block scalar", "a:\n  n: |\n    t\n\nd: 3\n", set(Path{"a", "e"}, "3,9"), "a:\n  n: |\n    t\n  e: 3,9\n\nd: 3\n"},
		{"after deeper comments", "a:\n  b: 1\n    # about b\n# top\nd: 3\n", setBool(Path{"a", "e"}, true), "a:\n  b: 1\n    # about b\n  e: true\n# top\nd: 3\n"},
		{"top level, no final newline", "a: 1", set(Path{"b"}, "x"), "a: 1\nb: x"},
		{"in a list item", "- id: a\n  name: A\n- id: b\n", set(Path{0, "tier"}, "regional"), "- id: a\n  name: A\n  tier: regional\n- id: b\n"},
		{"key needing quotes", "a: 1\n", set(Path{"b: c"}, "x"), "a: 1\n\"b: c\": x\n"},
		{"flow mapping", "u: { a: 1 }\n", set(Path{"u", "b"}, "x, y"), "u: { a: 1, b: \"x, y\" }\n"},
		{"empty flow mapping", "u: {}\n", setNum(Path{"u", "b"}, 1), "u: { b: 1 }\n"},
		{"CRLF", crlf("a:\n  b: 1\nc: 2\n"), set(Path{"a", "x"}, "y"), crlf("a:\n  b: 1\n  x: y\nc: 2\n")},
	})
}

// TestAddField: a field not written yet, whatever its value, goes on one
// line (a mapping or a list in flow style) after the mapping's last field.
func TestAddField(t *testing.T) {
	runCases(t, []editCase{
		{"a mapping at the top", "scenario:\n  id: s\nunits: []\n", field(Path{"institution"}, []KV{{Key: "legalForm", Value: "autonomous-agency"}}),
			"scenario:\n  id: s\nunits: []\ninstitution: { legalForm: autonomous-agency }\n"},
		{"a number in a block mapping", "a:\n  b: 1\nc: 2\n", field(Path{"a", "n"}, 45500000.5), "a:\n  b: 1\n  n: 45500000.5\nc: 2\n"},
		{"a mapping in a flow mapping", "u: { a: 1 }\n", field(Path{"u", "m"}, []KV{{Key: "x", Value: true}, {Key: "y", Value: "z, w"}}),
			"u: { a: 1, m: { x: true, y: \"z, w\" } }\n"},
		{"a list", "a: 1\n", field(Path{"l"}, []string{"x", "y"}), "a: 1\nl: [x, y]\n"},
		{"no final newline, CRLF", crlf("a: 1\nb: 2"), field(Path{"t"}, []KV{{Key: "months", Value: 18}}), crlf("a: 1\nb: 2\nt: { months: 18 }")},
	})
	d, err := Parse([]byte("a:\n  b: 1\nl: [1]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p    Path
		want string
	}{
		{Path{"a", "b"}, "already written"},
		{Path{"l", "x"}, "not a group of fields"},
		{Path{"l", 0}, "named by a text"},
		{Path{"z", "x"}, ""},
	} {
		err := d.AddField(c.p, "v")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("AddField(%s): %v, want an error saying %q", c.p, err, c.want)
		}
	}
	if string(d.Bytes()) != "a:\n  b: 1\nl: [1]\n" {
		t.Errorf("a refused field changed the text:\n%s", d.Bytes())
	}
}

func TestSetBlockScalar(t *testing.T) {
	runCases(t, []editCase{
		{"literal", "n: |\n  a\n  b\nm: 1\n", set(Path{"n"}, "x\n\ny\n"), "n: |\n  x\n\n  y\nm: 1\n"},
		{"literal without final newline", "n: |\n  a\nm: 1\n", set(Path{"n"}, "x\ny"), "n: |-\n  x\n  y\nm: 1\n"},
		{"literal keeps its indentation", "a:\n  n: |\n      a\nm: 1\n", set(Path{"a", "n"}, "- x\n- y\n"), "a:\n  n: |\n      - x\n      - y\nm: 1\n"},
		{"literal, one line: quoted", "n: |\n  a\n  b\nm: 1\n", set(Path{"n"}, "x"), "n: \"x\"\nm: 1\n"},
		{"literal, several trailing newlines: quoted", "n: |\n  a\nm: 1\n", set(Path{"n"}, "x\n\n"), "n: \"x\\n\\n\"\nm: 1\n"},
		{"literal, leading space: quoted", "n: |\n  a\nm: 1\n", set(Path{"n"}, " x\n"), "n: \" x\\n\"\nm: 1\n"},
		{"literal, tab: quoted", "n: |\n  a\nm: 1\n", set(Path{"n"}, "x\ty\n"), "n: \"x\\ty\\n\"\nm: 1\n"},
		{"folded", "d: >\n  long text\n  wrapped\nm: 1\n", set(Path{"d"}, "new text\n"), "d: >\n  new text\nm: 1\n"},
		{"folded paragraphs", "d: >\n  t\nm: 1\n", set(Path{"d"}, "p1\np2\n\np3\n"), "d: >\n  p1\n\n  p2\n\n\n  p3\nm: 1\n"},
		{"folded wraps long lines", "d: >-\n  t\n", set(Path{"d"}, strings.Repeat("mot ", 30)+"fin\n"),
			"d: >\n  " + strings.TrimSpace(strings.Repeat("mot ", 19)) + "\n  " + strings.TrimSpace(strings.Repeat("mot ", 11)) + " fin\n"},
		{"folded, one line: quoted", "d: >\n  t\n", set(Path{"d"}, "u"), "d: \"u\"\n"},
		{"folded keeps trailing blank line and comment", "d: >\n  t\n\n# c\nm: 1\n", set(Path{"d"}, "u\n"), "d: >\n  u\n\n# c\nm: 1\n"},
		{"in a list item", staffDoc, set(Path{"units", 0, "description"}, "Informe.\n"),
			strings.Replace(staffDoc, "Informe les citoyens sur les mécanismes de l'ASD, explique les critères\n      d'éligibilité.", "Informe.", 1)},
		{"CRLF literal", crlf("n: |\n  a\nm: 1\n"), set(Path{"n"}, "x\ny\n"), crlf("n: |\n  x\n  y\nm: 1\n")},
		{"keep chomping becomes clip", "n: |+\n  a\n\nm: 1\n", set(Path{"n"}, "x\ny\n"), "n: |\n  x\n  y\n\nm: 1\n"},
	})
}

type errCase struct {
	name string
	src  string
	op   op
	want string
}

func TestRefused(t *testing.T) {
	for _, c := range []errCase{
		{"alias", "a: &x 1\nb: *x\n", set(Path{"b"}, "2"), "2:4: b: is a reference (*x) to a value written elsewhere in the file: edit the original (&x)"},
		{"anchored", "a: &x 1\nb: *x\n", set(Path{"a"}, "2"), "1:4: a: is shared with other places of the file through an anchor (&): edit it in a text editor"},
		{"inside anchored", "a: &x\n  c: 1\nb: *x\n", set(Path{"a", "c"}, "2"), "2:6: a.c: is shared with other places of the file through an anchor (&): edit it in a text editor"},
		{"path through an alias", "a: &x\n  c: 1\nb: *x\n", set(Path{"b", "c"}, "2"), "3:4: b: is a reference (*x) to a value written elsewhere: edit the original"},
		{"key inside a block scalar", "n: |\n  a: 1\n", set(Path{"n", "a"}, "2"), "1:4: n: is a text block, it has no field \"a\""},
		{"mapping target", "u:\n  a: 1\n", set(Path{"u"}, "x"), "2:3: u: is a group of fields, not a single value: set its fields one by one"},
		{"sequence target", "u: [a]\n", setNum(Path{"u"}, 1), "1:4: u: is a list, not a single value: set its fields one by one"},
		{"missing parent", "a: 1\n", set(Path{"x", "y"}, "2"), "1:1: x: no such field"},
		{"index out of range", "a: [x]\n", set(Path{"a", 3}, "2"), "1:4: a[3]: no such item: the list has 1"},
		{"key on a list", "a: [x]\n", set(Path{"a", "b"}, "2"), "1:4: a: is a list, it has no field \"b\""},
		{"index on a mapping", "a: {b: 1}\n", set(Path{"a", 0}, "2"), "1:4: a: is a group of fields, not a list: address it by field name, not by item number"},
		{"tagged", "a: !!str 12\n", set(Path{"a"}, "13"), "1:4: a: has an explicit type tag (!!str): edit it in a text editor"},
		{"empty path", "a: 1\n", set(Path{}, "x"), "the path is empty: name the field to set"},
		{"invalid utf-8 value", "a: 1\n", set(Path{"a"}, "\xff"), "a: the text is not valid UTF-8"},
		{"not a number", "a: 1\n", setNum(Path{"a"}, 0*inf()), "a: the value is not a finite number"},
		{"delete the last item of the file", "- a\n", del(Path{0}), "1:3: [0]: is the last one here and the editor can only empty a list or group held by a field: edit it in a text editor"},
		{"delete the last field of the file", "a: 1\n", del(Path{"a"}), "1:1: a: is the last one here and the editor can only empty a list or group held by a field: edit it in a text editor"},
		{"delete an anchored value", "a: &x 1\nb: *x\n", del(Path{"a"}), "1:4: a: the change would make the file unreadable (the YAML is invalid: unknown anchor 'x' referenced); nothing was changed"},
		{"delete in nested compact list", "- - a\n  - b\n", del(Path{0, 0}), "1:5: [0][0]: shares its line with the item holding it: edit it in a text editor"},
		{"insert into a scalar", "a: 1\n", ins(Path{"a"}, 0, "x"), "1:4: a: is a single value, not a list"},
		{"insert out of range", "a: [x]\n", ins(Path{"a"}, 5, "x"), "1:4: a: cannot insert at item 5: the list has 1"},
		{"insert into a missing list at 2", "a: 1\n", ins(Path{"b"}, 2, "x"), "1:1: b: no such list (a new list starts at item 0)"},
		{"insert an unsupported value", "a: [x]\n", ins(Path{"a"}, 0, struct{}{}), "1:4: a: a value of type struct {} cannot be written (use a string, number, bool, []string or []KV)"},
		{"insert a field twice", "a: [x]\n", appendKV(Path{"a"}, KV{"k", "1"}, KV{"k", "2"}), "1:4: a: the field \"k\" is given twice"},
		{"move a field", "a: {b: 1, c: 2}\n", move(Path{"a", "b"}, 1), "1:4: a.b: only the items of a list can be moved"},
		{"move out of range", "a: [x, y]\n", move(Path{"a", 0}, 2), "1:4: a[0]: cannot move to item 2: the list has 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := check(t, []byte(c.src), c.op)
			if err == nil || err.Error() != c.want {
				t.Errorf("%s: got error %v\nwant %s", c.op, err, c.want)
			}
		})
	}
}

func inf() float64 { var z float64; return 1 / z }

func TestParseRefused(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"several documents", "a: 1\n---\nb: 2\n", "2:1: the file holds more than one YAML document (---): the editor opens single-document files only"},
		{"invalid YAML", "a: 1\n b: 2\n", "2:1: the YAML is invalid: mapping values are not allowed in this context"},
		{"invalid UTF-8", "a: 1\nb: \xff\n", "2:1: the file is not valid UTF-8: save it as UTF-8"},
		{"too large", strings.Repeat("#", MaxSize+1), "the file is 8388609 bytes, over the 8 MiB the editor opens"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.src))
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestEmptyFile(t *testing.T) {
	d, err := Parse(nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Root() != nil || d.Modified() {
		t.Fatal("an empty file has no root and is not modified")
	}
	if err := d.Set(Path{"a"}, "x"); err == nil || err.Error() != "the file is empty" {
		t.Fatalf("got %v", err)
	}
}

// TestSafetyNet feeds commit splices that do something else than the change it
// is told to expect: the document must stay as it was.
func TestSafetyNet(t *testing.T) {
	src := "a: 1\nb: [x, y]\n"
	for _, c := range []struct {
		name string
		sp   splice
		want string
	}{
		{"another value changes", splice{3, 4, "2"}, "a: the editor could not write this change without altering something else; nothing was changed"},
		{"the YAML breaks", splice{12, 13, "]]"}, "a: the change would make the file unreadable (the YAML is invalid: did not find expected key); nothing was changed"},
		{"overlapping splices", splice{20, 10, ""}, "a: the editor could not place this change in the text; nothing was changed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := d.expected(Path{})
			err = d.commit(Path{"a"}, nil, want, c.sp)
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
			if string(d.Bytes()) != src || d.Modified() {
				t.Errorf("the document changed: %q", d.Bytes())
			}
		})
	}
}

func TestUntouched(t *testing.T) {
	for _, src := range []string{staffDoc, crlf(blockItems), "\ufeff" + flowItems, "a: 1"} {
		d, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if string(d.Bytes()) != src || d.Modified() {
			t.Errorf("parsing alone changed %q", src)
		}
		n, err := d.Lookup(Path{})
		if err != nil || n != d.Root() {
			t.Errorf("Lookup of the empty path: %v", err)
		}
	}
	d, _ := Parse([]byte(staffDoc))
	if err := d.SetNumber(Path{"units", 0, "staff", 0, "count"}, 2); err != nil {
		t.Fatal(err)
	}
	n, err := d.Lookup(Path{"units", 0, "staff", 0, "count"})
	if err != nil || n.Value != "2" || n.Line != 6 || !d.Modified() {
		t.Errorf("after an edit, Lookup gives %+v, %v", n, err)
	}
	if err := d.SetNumber(Path{"units", 0, "staff", 0, "count"}, 1); err != nil || d.Modified() {
		t.Errorf("undoing by hand should give back the original bytes: %v", err)
	}
}

func TestEqual(t *testing.T) {
	for _, src := range []string{"a: 1\n", "\ufeffa: 1\n"} {
		d, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range []string{src, "a: 1\n", "\ufeffa: 1\n", "a: 1", "a: 2\n", "\ufeff", ""} {
			if got, want := d.Equal([]byte(b)), b == string(d.Bytes()); got != want {
				t.Errorf("Parse(%q).Equal(%q) = %t, want %t", src, b, got, want)
			}
		}
	}
}
