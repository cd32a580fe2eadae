package model

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestLoaderRead: the loader names every file it read or looked for among
// the user's files (what report --serve watches), not the embedded ones.
func TestLoaderRead(t *testing.T) {
	l := &Loader{Files: OSFiles{}}
	if _, _, err := l.LoadSet([]string{"testdata/resolve/option.yaml"}); err != nil {
		t.Fatal(err)
	}
	want := []string{"testdata/resolve/option.yaml", "testdata/resolve/common.yaml", "testdata/resolve/pays.yaml"}
	if got := l.Read(); !slices.Equal(got, want) {
		t.Errorf("Read() = %q, want %q", got, want)
	}

	builtin := fstest.MapFS{"pays.yaml": {Data: []byte("territory:\n  id: pays\n  name: Pays\n  levels: [{ id: region, name: Région }]\n  units: [{ id: r1, name: R1, level: region }]\n")}}
	user := fstest.MapFS{"s.yaml": {Data: []byte("scenario:\n  id: s\n  title: S\n  territory: pays\n")}}
	l = &Loader{Files: PrefixFS{FS: user, Prefix: "u/"}, Builtin: PrefixFS{FS: builtin, Prefix: "emb/"}, BuiltinDir: "emb"}
	if _, _, err := l.LoadSet([]string{"u/s.yaml"}); err != nil {
		t.Fatal(err)
	}
	if got, want := l.Read(), []string{"u/s.yaml", "u/pays.yaml"}; !slices.Equal(got, want) {
		t.Errorf("Read() = %q, want %q (the territory looked for beside the scenario, not the embedded one)", got, want)
	}
}
