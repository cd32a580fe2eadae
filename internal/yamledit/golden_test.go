package yamledit

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
)

// goldenEdits are realistic workshop edits on excerpts of the default scenarios
// (testdata/*.yaml). Each file's result is compared with
// testdata/golden/NAME.after.yaml and the edits' diffs with NAME.diff, which
// reviewers read (UPDATE=1 go test ./internal/yamledit rewrites them).
var goldenEdits = map[string][]op{
	"anas-actuel": {
		set(Path{"units", 0, "name"}, "Représentation provinciale d'El Jadida"),
		setNum(Path{"units", 0, "staff", 1, "count"}, 6),
		appendKV(Path{"units", 0, "staff"}, KV{"profile", "cadre"}, KV{"count", 1}, KV{"phase", "ph-pilote-el-jadida"}),
		set(Path{"units", 0, "description"}, "Informe les citoyens sur les mécanismes de l'ASD et sur les critères d'éligibilité, aide aux réclamations et au suivi des dossiers, oriente vers les CSC des autorités locales pour le RNP et le RSU.\n"),
		del(Path{"risks", 0, "mitigations", 0}),
		appendKV(Path{"risks"}, KV{"id", "r-actuel-rotation"}, KV{"title", "Rotation du personnel d'accueil : 30 % par an"}, KV{"category", "hr"},
			KV{"owner", "dir-rh"}, KV{"likelihood", 3}, KV{"impact", 2}),
		setNum(Path{"assumptions", 0, "value"}, 6),
		set(Path{"assumptions", 1, "unit"}, "MAD, par an"),
		ins(Path{"phases"}, 0, []KV{{"id", "ph-loi"}, {"title", "Vote des lois 58-23 et 59-23"}, {"start", "2023-07"}, {"end", "2023-11"}}),
		del(Path{"chain", 0, "consulted"}),
		ins(Path{"chain", 1, "responsible"}, -1, "rep-el-jadida"),
		set(Path{"scenario", "summary"}, "L'agence gère l'aide sociale directe depuis son siège de Rabat.\n\nUne seule représentation territoriale existe : El Jadida.\n"),
		move(Path{"phases", 3}, 1),
		set(Path{"transition", "notes"}, "Aucun coût"),
	},
	"anas-hybride": {
		setNum(Path{"units", 2, "staff", 2, "onePer"}, 20000),
		del(Path{"units", 4, "staff", 3}),
		appendKV(Path{"units", 1, "staff"}, KV{"profile", "gestionnaire"}, KV{"count", 2}),
		set(Path{"phases", 2, "description"}, "Déploiement par région, en commençant par Casablanca-Settat."),
		del(Path{"units", 3}),
		set(Path{"units", 0, "functionalTo", 0}, "dir-relation-usagers"),
		set(Path{"units", 0, "tier"}, "central"),
	},
	"common": {
		set(Path{"institution", "staffStatus"}, "civil-service"),
		set(Path{"institution", "notes"}, "- Établissement public (loi 59-23).\n- Tutelle : ministre délégué chargé du Budget.\n"),
		ins(Path{"strategy", "values"}, 1, "Proximité et qualité du service"),
		del(Path{"strategy", "values", 0}),
		setNum(Path{"strategy", "objectives", 0, "indicators", 0, "baseline"}, 42.25),
		set(Path{"strategy", "objectives", 0, "indicators", 1, "title"}, "Demandes rejetées, par mois"),
		del(Path{"strategy", "objectives", 0, "indicators", 0, "source"}),
		set(Path{"strategy", "vision"}, "Une aide juste et accessible."),
	},
	"option-b": {
		set(Path{"prerequisites", 1, "description"}, "Le décret précise le ressort de chaque délégation et de chaque antenne."),
		del(Path{"units", 5, "at"}),
		appendKV(Path{"units", 3, "staff"}, KV{"profile", "assistant"}, KV{"count", 1}),
		setNum(Path{"units", 4, "staff", 0, "count"}, 4),
		setNum(Path{"transition", "cost"}, 46000000),
		appendKV(Path{"chain"}, KV{"stage", "payment"}, KV{"accountable", "dir-prestations"}, KV{"responsible", []string{"guichets"}}),
		del(Path{"channels", 0, "cost"}),
		set(Path{"institution", "notes"}, "- Les antennes s'installent dans les locaux des provinces.\n"),
	},
}

func TestGolden(t *testing.T) {
	for name, ops := range goldenEdits {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			out, diffs := applyAll(t, src, ops)
			golden.Check(t, name+".after.yaml", out)
			golden.Check(t, name+".diff", diffs)

			// The same edits on a CRLF copy with a byte order mark give the same
			// result in CRLF with the mark.
			out2, _ := applyAll(t, append(bytes.Clone(bom), crlf(string(src))...), ops)
			if want := append(bytes.Clone(bom), crlf(string(out))...); !bytes.Equal(out2, want) {
				t.Errorf("the CRLF copy differs:\n%s", golden.FirstDiff(want, out2))
			}
		})
	}
}

// applyAll applies the edits in turn, each checked like the property test, and
// returns the result with a diff per edit.
func applyAll(t *testing.T, src []byte, ops []op) ([]byte, []byte) {
	t.Helper()
	var diffs bytes.Buffer
	for _, o := range ops {
		out, err := check(t, src, o)
		if err != nil {
			t.Fatalf("%s: %v", o, err)
		}
		fmt.Fprintf(&diffs, "## %s\n%s\n", o, diff(src, out))
		src = out
	}
	return src, diffs.Bytes()
}

// diff shows the lines an edit replaced, as one hunk.
func diff(before, after []byte) string {
	lo, hi := changed(bytes.TrimPrefix(before, bom), bytes.TrimPrefix(after, bom))
	a, b := lines(before), lines(after)
	var s strings.Builder
	fmt.Fprintf(&s, "@@ line %d @@\n", lo)
	for _, l := range a[lo-1 : hi] {
		s.WriteString("-" + strings.TrimRight(l, "\r\n") + "\n")
	}
	for _, l := range b[lo-1 : len(b)-(len(a)-hi)] {
		s.WriteString("+" + strings.TrimRight(l, "\r\n") + "\n")
	}
	return s.String()
}
