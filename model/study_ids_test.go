package model

import (
	"slices"
	"testing"
)

// TestStudyScenarioIDs: the ids a study was written for are those of the
// scenario files it lists (relative to it; an unreadable one skipped), then
// those its scores name, each once.
func TestStudyScenarioIDs(t *testing.T) {
	files := mapFiles{
		"etude/study.yaml": `study:
  id: e
  title: E
  scenarios:
    - { file: a.yaml }
    - { file: ../autre/b.yaml }
    - { file: absent.yaml }
criteria:
  - { id: c-note, title: Note, scored: true }
scores:
  - { criterion: c-note, scenario: opt-b, score: 3 }
  - { criterion: c-note, scenario: opt-z, score: 2 }
`,
		"etude/a.yaml": "scenario: { id: opt-a, title: A }\n",
		"autre/b.yaml": "scenario: { id: opt-b, title: B }\n",
	}
	l := &Loader{Files: files}
	f, _, err := l.File("etude/study.yaml")
	if err != nil || f == nil || f.Study == nil {
		t.Fatal(err)
	}
	if got, want := l.StudyScenarioIDs("etude/study.yaml", f.Study), []string{"opt-a", "opt-b", "opt-z"}; !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
}
