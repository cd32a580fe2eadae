package yamledit

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// values are the texts random edits write: the ones that need quotes or escapes,
// accented and Arabic text, multi-line text for block scalars.
var values = []string{
	"x", "Délégation régionale d'El Jadida", "3,9 millions", "true", "123", "", "a: b", "#x", " lead", "trail ",
	"ligne 1\nligne 2", "paragraphe\n", "un\n\ndeux\n", "null", "~", "2026-02-26", "2027-01", "1e3", "tab\there",
	`back\slash "quoted"`, "L'Opinion", "a,b", "[x]", "{y}", "- dash", "x # y", "3,9\u00a0millions", "الوكالة الوطنية",
	"line\u2028sep", "ctl\x01", "yes", "0x1F", ".inf", "? q", "*star", "&amp", "!bang", "%pct", "@at", "`tick`", "|pipe", ">gt",
	"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.\n",
	"x\n\n\n", " \n", "...", "---", "a\r\nb",
}

// pathsOf lists the paths of a tree by what can be done with them.
type targets struct {
	scalars, fields, items, seqs, maps []Path
}

func collect(n *yaml.Node, p Path, out *targets) {
	switch n.Kind {
	case yaml.ScalarNode:
		out.scalars = append(out.scalars, p)
	case yaml.MappingNode:
		out.maps = append(out.maps, p)
		for i := 0; i+1 < len(n.Content); i += 2 {
			q := append(append(Path{}, p...), n.Content[i].Value)
			out.fields = append(out.fields, q)
			collect(n.Content[i+1], q, out)
		}
	case yaml.SequenceNode:
		out.seqs = append(out.seqs, p)
		for i, c := range n.Content {
			q := append(append(Path{}, p...), i)
			out.items = append(out.items, q)
			collect(c, q, out)
		}
	}
}

func randomValue(r *rand.Rand) any {
	switch r.IntN(6) {
	case 0:
		return float64(r.IntN(100000))
	case 1:
		return r.IntN(2) == 0
	case 2:
		return []string{values[r.IntN(len(values))], "b"}
	case 3:
		return []KV{{"p", values[r.IntN(len(values))]}, {"n", r.Float64()}}
	}
	return values[r.IntN(len(values))]
}

// randomItem builds an item like the first item of seq: the same fields with
// random values, or a random value.
func randomItem(r *rand.Rand, seq *yaml.Node) any {
	if len(seq.Content) == 0 || seq.Content[0].Kind != yaml.MappingNode {
		return randomValue(r)
	}
	var kvs []KV
	m := seq.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		kvs = append(kvs, KV{m.Content[i].Value, randomValue(r)})
	}
	if r.IntN(4) == 0 && findKey(m, "ajout") < 0 {
		kvs = append(kvs, KV{"nouveau", nil}, KV{"ajout", randomValue(r)})
	}
	return kvs
}

func randomOp(r *rand.Rand, root *yaml.Node) op {
	var t targets
	collect(root, Path{}, &t)
	pick := func(ps []Path) Path { return ps[r.IntN(len(ps))] }
	for {
		switch k := r.IntN(11); {
		case k < 3 && len(t.scalars) > 0:
			return set(pick(t.scalars), values[r.IntN(len(values))])
		case k == 3 && len(t.scalars) > 0:
			if r.IntN(2) == 0 {
				return setNum(pick(t.scalars), float64(r.IntN(2000000))/4)
			}
			return setBool(pick(t.scalars), r.IntN(2) == 0)
		case k == 4 && len(t.fields) > 0:
			return del(pick(t.fields))
		case k == 5 && len(t.items) > 0:
			return del(pick(t.items))
		case k == 6 && len(t.items) > 0:
			p := pick(t.items)
			seq, _ := resolveIn(root, p[:len(p)-1])
			return move(p, r.IntN(len(seq[len(seq)-1].Content)))
		case k == 7 && len(t.seqs) > 0:
			p := pick(t.seqs)
			chain, _ := resolveIn(root, p)
			seq := chain[len(chain)-1]
			return ins(p, r.IntN(len(seq.Content)+2)-1, randomItem(r, seq))
		case k == 8 && len(t.maps) > 0:
			p := append(append(Path{}, pick(t.maps)...), "champ-"+strconv.Itoa(r.IntN(100)))
			return set(p, values[r.IntN(len(values))])
		case k == 9 && len(t.maps) > 0:
			p := append(append(Path{}, pick(t.maps)...), "liste-"+strconv.Itoa(r.IntN(100)))
			return ins(p, 0, randomValue(r))
		case k == 10 && len(t.maps) > 0:
			p := append(append(Path{}, pick(t.maps)...), "groupe-"+strconv.Itoa(r.IntN(100)))
			if r.IntN(2) == 0 {
				return field(p, []KV{{"a", randomValue(r)}, {"b", randomValue(r)}})
			}
			return field(p, randomValue(r))
		}
	}
}

// unsafeRefusals are the messages of the safety net and of layouts the editor
// could not follow: the real scenario files must never meet them.
var unsafeRefusals = []string{"could not write", "unreadable", "cannot tell", "could not place", "cannot find"}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

// TestRandomEdits applies random Set/Delete/Insert/Move edits to the real scenario
// files (each one alone on the original, then in chains), checking that the result
// re-parses, reads back as the generic value with the same edit applied, and that
// only the edited node's lines changed. YAMLEDIT_SEED and YAMLEDIT_EDITS (per file)
// reproduce or lengthen a run.
func TestRandomEdits(t *testing.T) {
	var files []string
	for _, g := range []string{"../../scenarios/*.yaml", "../../report/testdata/study/*.yaml", "../../model/testdata/resolve/*.yaml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 7 {
		t.Fatalf("found %d scenario files", len(files))
	}
	seed := uint64(envInt("YAMLEDIT_SEED", 1))
	edits := envInt("YAMLEDIT_EDITS", 16)
	if testing.Short() || raceEnabled {
		edits = min(edits, 4)
	}
	total, done := 0, 0
	refused := map[string]int{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h := fnv.New64()
		h.Write([]byte(filepath.Base(f)))
		r := rand.New(rand.NewPCG(seed, h.Sum64()))
		variants := [][]byte{src, []byte(crlf(string(src))), append(bytes.Clone(bom), src...)}
		t.Run(filepath.Base(f), func(t *testing.T) {
			var roots []*yaml.Node
			for _, v := range variants {
				d, err := Parse(v)
				if err != nil {
					t.Fatal(err)
				}
				roots = append(roots, d.Root())
			}
			for i := range edits {
				v := variants[i%len(variants)]
				o := randomOp(r, roots[i%len(variants)])
				_, err = check(t, v, o)
				total++
				if err != nil {
					refused[refusal(err)]++
					for _, u := range unsafeRefusals {
						if strings.Contains(err.Error(), u) {
							t.Errorf("seed %d, edit %d: %s refused: %v", seed, i, o, err)
						}
					}
					continue
				}
				done++
			}
			// A chain: each edit applies to the result of the previous ones.
			cur := src
			for i := range edits / 2 {
				d, err := Parse(cur)
				if err != nil {
					t.Fatal(err)
				}
				o := randomOp(r, d.Root())
				out, err := check(t, cur, o)
				total++
				if err != nil {
					refused[refusal(err)]++
					for _, u := range unsafeRefusals {
						if strings.Contains(err.Error(), u) {
							t.Errorf("seed %d, chained edit %d: %s refused: %v\n%s", seed, i, o, err, cur)
						}
					}
					continue
				}
				done++
				cur = out
			}
		})
	}
	t.Logf("seed %d: %d edits, %d applied and checked; refused: %v", seed, total, done, summary(refused))
}

// refusal drops the position and path of an error to count refusals by kind.
func refusal(err error) string {
	e := err.(*Error)
	return e.Msg
}

func summary(m map[string]int) string {
	var ks []string
	for k, n := range m {
		ks = append(ks, fmt.Sprintf("%d× %s", n, k))
	}
	sort.Strings(ks)
	return strings.Join(ks, "; ")
}
