package main

import "github.com/spf13/cobra"

func newReportCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "report", Short: "Write the report", RunE: func(*cobra.Command, []string) error { return nil }}
}
