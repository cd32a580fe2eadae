package risk

import (
	"testing"

	"github.com/orgdesign/orgdesign/templates"
)

// TestWordsAgreeWithThePack: the risk command's words about findings say
// what the pack says, word for word (until the risk words move to the one
// store of templates/i18n).
func TestWordsAgreeWithThePack(t *testing.T) {
	pairs := map[string]string{ // risk word → the pack's label
		"openNote":        "openFindingsNote",
		"noOpen":          "noOpenFinding",
		"openCount":       "openFindings",
		"dismissedCount":  "dismissedFindings",
		"acceptedNote":    "acceptedFindingsNote",
		"acceptedNoteOne": "acceptedFindingNote",
		"indicativeLevel": "indicativeLevel",
		"finding":         "finding",
	}
	for _, lang := range []string{"fr", "en"} {
		s, err := templates.LoadStrings(lang)
		if err != nil {
			t.Fatal(err)
		}
		for w, label := range pairs {
			want, ok := s.Get("label", label)
			if !ok {
				t.Errorf("%s: no label %q", lang, label)
				continue
			}
			if got := word(lang, w); got != want {
				t.Errorf("%s: risk word %q = %q, the pack's %q = %q", lang, w, got, label, want)
			}
		}
	}
}
