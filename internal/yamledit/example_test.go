package yamledit_test

import (
	"fmt"

	"github.com/orgdesign/orgdesign/internal/yamledit"
)

func Example() {
	src := []byte(`units:
  - id: rep-el-jadida
    name: Représentation d'El Jadida   # pilote
    staff:                             # hyp-effectif
      - { profile: cadre, count: 1 }

      - { profile: agent-accueil, count: 4 }
`)
	d, err := yamledit.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	unit := yamledit.Path{"units", 0}
	must := func(err error) {
		if err != nil {
			fmt.Println(err)
		}
	}
	must(d.Set(append(unit, "name"), "Représentation provinciale, El Jadida"))
	must(d.SetNumber(append(unit, "staff", 1, "count"), 6))
	must(d.Append(append(unit, "staff"), []yamledit.KV{{Key: "profile", Value: "gestionnaire"}, {Key: "onePer", Value: 20000}, {Key: "of", Value: "households"}}))
	must(d.Set(append(unit, "tier"), "provincial"))
	must(d.Delete(append(unit, "staff", 0)))
	fmt.Print(string(d.Bytes()))
	fmt.Println(d.Set(append(unit, "staff"), "x"))
	// Output:
	// units:
	//   - id: rep-el-jadida
	//     name: Représentation provinciale, El Jadida # pilote
	//     staff:                             # hyp-effectif
	//       - { profile: agent-accueil, count: 6 }
	//
	//       - { profile: gestionnaire, onePer: 20000, of: households }
	//     tier: provincial
	// 5:7: units[0].staff: is a list, not a single value: set its fields one by one
}
