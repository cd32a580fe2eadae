package yamledit

import (
	"strings"
	"testing"
)

const flowItems = `relations:
  # first
  - { from: a, to: b, kind: coordination }

  # second
  - { from: c, to: d, kind: supervision }   # inline

  - { from: e, to: f, kind: data }
other: 1
`

const blockItems = `risks:
  - id: r1
    title: Premier
    description: >
      Texte plié
      sur deux lignes.
    mitigations:
      - { id: m1, by: 1 }
    # fin de r1
  - id: r2
    title: Second
sources: []
`

func TestDelete(t *testing.T) {
	runCases(t, []editCase{
		{"block item with its comment", flowItems, del(Path{"relations", 1}),
			"relations:\n  # first\n  - { from: a, to: b, kind: coordination }\n\n  - { from: e, to: f, kind: data }\nother: 1\n"},
		{"first block item", flowItems, del(Path{"relations", 0}),
			"relations:\n  # second\n  - { from: c, to: d, kind: supervision }   # inline\n\n  - { from: e, to: f, kind: data }\nother: 1\n"},
		{"last block item", flowItems, del(Path{"relations", 2}),
			"relations:\n  # first\n  - { from: a, to: b, kind: coordination }\n\n  # second\n  - { from: c, to: d, kind: supervision }   # inline\nother: 1\n"},
		{"block mapping item with block scalar and trailing comment", blockItems, del(Path{"risks", 0}),
			"risks:\n  - id: r2\n    title: Second\nsources: []\n"},
		{"only item", "staff:                # hyp\n  - { profile: cadre }\nnext: 1\n", del(Path{"staff", 0}),
			"staff: []                # hyp\nnext: 1\n"},
		{"only item of a nested list", blockItems, del(Path{"risks", 0, "mitigations", 0}),
			strings.Replace(blockItems, "    mitigations:\n      - { id: m1, by: 1 }\n", "    mitigations: []\n", 1)},
		{"field on its own line", blockItems, del(Path{"risks", 0, "description"}),
			strings.Replace(blockItems, "    description: >\n      Texte plié\n      sur deux lignes.\n", "", 1)},
		{"field with its comment", "a:\n  # about b\n  b: 1\n  c: 2\n", del(Path{"a", "b"}), "a:\n  c: 2\n"},
		{"first field on a dash line", blockItems, del(Path{"risks", 1, "id"}),
			strings.Replace(blockItems, "  - id: r2\n    title: Second\n", "  - title: Second\n", 1)},
		{"only field on a dash line", "- id: a # c\n- id: b\n", del(Path{0, "id"}), "- {} # c\n- id: b\n"},
		{"only field of a group", "institution:\n  payments: mixed\nnext: 1\n", del(Path{"institution", "payments"}), "institution: {}\nnext: 1\n"},
		{"last item keeps the blank line before the next section", "l:\n  - a\n\n  - b\n\n# next\nn: 1\n", del(Path{"l", 1}), "l:\n  - a\n\n# next\nn: 1\n"},
		{"top-level field", "a: 1\n\n# about b\nb:\n  - x\n\nc: 3\n", del(Path{"b"}), "a: 1\n\nc: 3\n"},
		{"flow sequence middle", "r: [a, b, c]\n", del(Path{"r", 1}), "r: [a, c]\n"},
		{"flow sequence first", "r: [a, b, c]\n", del(Path{"r", 0}), "r: [b, c]\n"},
		{"flow sequence last", "r: [a, b, c] # c\n", del(Path{"r", 2}), "r: [a, b] # c\n"},
		{"flow sequence only", "r: [ a ]\n", del(Path{"r", 0}), "r: []\n"},
		{"flow mapping field", "- { id: a, name: A, kind: k }\n", del(Path{0, "name"}), "- { id: a, kind: k }\n"},
		{"flow mapping first field", "- { id: a, name: A }\n", del(Path{0, "id"}), "- { name: A }\n"},
		{"flow mapping last field", "- { id: a, name: \"A, B\" }\n", del(Path{0, "name"}), "- { id: a }\n"},
		{"multi-line flow mapping", "- { id: r, at: port,\n    phase: p1 }\n", del(Path{0, "at"}), "- { id: r,\n    phase: p1 }\n"},
		{"staff entry", staffDoc, del(Path{"units", 0, "staff", 0}), strings.Replace(staffDoc, "      - { profile: cadre, count: 1 }\n", "", 1)},
		{"CRLF", crlf(flowItems), del(Path{"relations", 1}),
			crlf("relations:\n  # first\n  - { from: a, to: b, kind: coordination }\n\n  - { from: e, to: f, kind: data }\nother: 1\n")},
		{"BOM", "\ufeff- a\n- b\n", del(Path{0}), "\ufeff- b\n"},
		{"no final newline", "- a\n- b", del(Path{1}), "- a\n"},
	})
}

func TestInsert(t *testing.T) {
	runCases(t, []editCase{
		{"append flow mapping item with blank line", flowItems, appendKV(Path{"relations"}, KV{"from", "g"}, KV{"to", "h"}, KV{"kind", "data"}, KV{"label", nil}),
			strings.Replace(flowItems, "other: 1\n", "\n  - { from: g, to: h, kind: data }\nother: 1\n", 1)},
		{"insert at 0 above the comment", flowItems, ins(Path{"relations"}, 0, []KV{{"from", "x"}, {"to", "y: z"}}),
			strings.Replace(flowItems, "  # first\n", "  - { from: x, to: \"y: z\" }\n\n  # first\n", 1)},
		{"insert in the middle", "l:\n  - {a: 1}\n  - {a: 2}\n", ins(Path{"l"}, 1, []KV{{"a", 1.5}}), "l:\n  - {a: 1}\n  - {a: 1.5}\n  - {a: 2}\n"},
		{"append block mapping item", blockItems, appendKV(Path{"risks"}, KV{"id", "r3"}, KV{"title", "Troisième, enfin"}, KV{"likelihood", 4},
			KV{"mitigations", []KV{{"id", "m3"}}}, KV{"tags", []string{"a", "b c"}}),
			strings.Replace(blockItems, "sources: []\n", "  - id: r3\n    title: Troisième, enfin\n    likelihood: 4\n    mitigations: { id: m3 }\n    tags: [a, b c]\nsources: []\n", 1)},
		{"append to nested staff", staffDoc, appendKV(Path{"units", 0, "staff"}, KV{"profile", "gestionnaire"}, KV{"onePer", 20000}, KV{"of", "households"}),
			strings.Replace(staffDoc, "count: 4 }\n", "count: 4 }\n      - { profile: gestionnaire, onePer: 20000, of: households }\n", 1)},
		{"append scalar to block list", "values:\n  - Équité\n  - Dignité\n", ins(Path{"values"}, -1, "Transparence: oui"),
			"values:\n  - Équité\n  - Dignité\n  - \"Transparence: oui\"\n"},
		{"append to flow sequence", "r: [a, b]\n", ins(Path{"r"}, -1, "c,d"), "r: [a, b, \"c,d\"]\n"},
		{"insert into flow sequence", "r: [a,b]\n", ins(Path{"r"}, 1, "x"), "r: [a,x,b]\n"},
		{"append to empty flow sequence", "sources: []\n", appendKV(Path{"sources"}, KV{"id", "s"}, KV{"reliability", "press"}),
			"sources: [{ id: s, reliability: press }]\n"},
		{"missing list, block", "unit:\n  id: u\n  name: U\nnext: 1\n", appendKV(Path{"unit", "staff"}, KV{"profile", "cadre"}, KV{"count", 2}),
			"unit:\n  id: u\n  name: U\n  staff:\n    - { profile: cadre, count: 2 }\nnext: 1\n"},
		{"missing list follows the file's indentation", "a:\n- x\nu:\n  id: u\n", ins(Path{"u", "l"}, 0, "y"), "a:\n- x\nu:\n  id: u\n  l:\n  - y\n"},
		{"missing list, flow", "- { id: u }\n", appendKV(Path{0, "staff"}, KV{"profile", "cadre"}), "- { id: u, staff: [ { profile: cadre } ] }\n"},
		{"no final newline", "- a\n- b", ins(Path{}, -1, "c"), "- a\n- b\n- c"},
		{"empty field", "u:\n  staff: # none yet\n  name: U\n", appendKV(Path{"u", "staff"}, KV{"profile", "cadre"}),
			"u:\n  staff: # none yet\n    - { profile: cadre }\n  name: U\n"},
		{"CRLF", crlf(blockItems), appendKV(Path{"risks"}, KV{"id", "r3"}, KV{"title", "T"}),
			crlf(strings.Replace(blockItems, "sources: []\n", "  - id: r3\n    title: T\nsources: []\n", 1))},
		{"BOM", "\ufeff- a\n", ins(Path{}, 0, true), "\ufeff- true\n- a\n"},
	})
}

func TestMove(t *testing.T) {
	runCases(t, []editCase{
		{"block items keep their comments, blank lines stay", flowItems, move(Path{"relations", 0}, 2),
			"relations:\n  # second\n  - { from: c, to: d, kind: supervision }   # inline\n\n  - { from: e, to: f, kind: data }\n\n  # first\n  - { from: a, to: b, kind: coordination }\nother: 1\n"},
		{"block mapping items", blockItems, move(Path{"risks", 1}, 0),
			"risks:\n  - id: r2\n    title: Second\n" + strings.TrimSuffix(strings.TrimPrefix(blockItems, "risks:\n"), "  - id: r2\n    title: Second\nsources: []\n") + "sources: []\n"},
		{"flow sequence", "r: [a, b, \"c\"]\n", move(Path{"r", 2}, 0), "r: [\"c\", a, b]\n"},
		{"no final newline", "- a\n- b", move(Path{1}, 0), "- b\n- a"},
		{"no final newline, the item moved there ends with CRLF", "l:\n  - a\r\n  - b", move(Path{"l", 1}, 0), "l:\n  - b\n  - a"},
	})
}

func TestDeleteMultiLineFlow(t *testing.T) {
	runCases(t, []editCase{
		{"first item alone on its line", "r: [\n  a,\n  b\n]\n", del(Path{"r", 0}), "r: [\n  b\n]\n"},
		{"first item after the bracket", "r: { a: 1,\n  b: 2 }\n", del(Path{"r", "a"}), "r: {\n  b: 2 }\n"},
		{"middle item", "r: [\n  a,\n  b,\n  c\n]\n", del(Path{"r", 1}), "r: [\n  a,\n  c\n]\n"},
		{"last item", "r: [\n  a,\n  b\n]\n", del(Path{"r", 1}), "r: [\n  a\n]\n"},
		{"middle item, commas leading the lines", "  {0A00,\nA\n,B}", del(Path{"A"}), "  {0A00,\nB}"},
		{"middle item, commas leading and comments", "r: [a # x\n  , b # y\n  , c]\n", del(Path{"r", 1}), "r: [a # x\n  , c]\n"},
		{"middle item with its comment", "r: [a, # x\n  b, # y\n  c]\n", del(Path{"r", 1}), "r: [a, # x\n  c]\n"},
		{"middle item sharing the next item's line", "r: [a,\n  b, c]\n", del(Path{"r", 1}), "r: [a,\n  c]\n"},
		{"middle item ending its line", "r: [a, b,\n  c]\n", del(Path{"r", 1}), "r: [a,\n  c]\n"},
		{"middle item, next line indented deeper", "r: [a,\n  b,\n    c]\n", del(Path{"r", 1}), "r: [a,\n    c]\n"},
		{"first item, a comment after its comma", "{A,#\nB}", del(Path{"A"}), "{#\nB}"},
		{"first item, its comma alone on the next line", "{A\n,\nB}", del(Path{"A"}), "{\nB}"},
		{"last item, commas leading the lines", "r: [a\n  , b\n]\n", del(Path{"r", 1}), "r: [a\n]\n"},
		{"last item, the comment after the previous one stays", "r: [a # x\n  , b]\n", del(Path{"r", 1}), "r: [a # x\n  ]\n"},
		{"middle item, blank lines before the comma", "r: [a,\n  b\n\n\n  , c]\n", del(Path{"r", 1}), "r: [a,\n  c]\n"},
	})
}
