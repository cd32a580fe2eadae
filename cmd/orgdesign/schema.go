package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/model"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema [scenario|territory|study|country|instrument]",
		Short: "Print the JSON Schema of a file kind",
		Long: `Print the JSON Schema of scenario (the default), territory, study, country
or instrument files, generated from the same Go types the loader uses.

Editors with a YAML language server complete and check fields when a file
starts with a line such as:

  # yaml-language-server: $schema=../schema/scenario.schema.json

The repository keeps the schemas in schema/; regenerate them with
  orgdesign schema scenario > schema/scenario.schema.json`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"scenario", "territory", "study", "country", "instrument"},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := model.KindScenario
			if len(args) == 1 {
				kind = model.Kind(args[0])
			}
			b, err := model.JSONSchema(kind)
			if err != nil {
				return &exitError{code: exitUsage, msg: err.Error()}
			}
			if _, err := cmd.OutOrStdout().Write(b); err != nil {
				return &exitError{code: exitUsage, msg: fmt.Sprint(err)}
			}
			return nil
		},
	}
}
