package yamledit

import (
	"os"
	"testing"
)

// BenchmarkSet measures one edit of the largest scenario (parse, layout, splice,
// re-parse, check), the cost the editor pays per keystroke committed.
func BenchmarkSet(b *testing.B) {
	src, err := os.ReadFile("../../scenarios/common.yaml")
	if err != nil {
		b.Fatal(err)
	}
	d, err := Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := d.Set(Path{"scenario", "title"}, "Contexte "+string(rune('a'+i%26))); err != nil {
			b.Fatal(err)
		}
	}
}
