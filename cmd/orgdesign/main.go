// Command orgdesign designs and governs public agencies from YAML scenarios.
package main

import (
	"fmt"
	"os"

	"github.com/orgdesign/orgdesign/chart"
)

func main() { os.Exit(program()) }

// program is the whole program: a layout worker started by another
// orgdesign process (chart.UseWorkers) lays charts out for it; otherwise the
// command line runs, allowed to start such workers.
func program() int {
	if chart.IsWorker() {
		if err := chart.ServeLayouts(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "orgdesign:", err)
			return exitUsage
		}
		return exitOK
	}
	chart.UseWorkers()
	return Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
