package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/internal/atomic"
	"github.com/orgdesign/orgdesign/model"
)

type initOptions struct {
	force bool
}

func newInitCmd() *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init NAME",
		Short: "Write a commented scenario skeleton to start from",
		Long: `Write NAME.yaml, a scenario skeleton that validates as written and whose
comments teach the format: the header, the institutional frame, units with
staff, a RACI of the delivery chain, systems, interfaces and a risk.

NAME may be a path; the scenario id is derived from the file name.
An existing file is never overwritten unless --force is given.`,
		Example: `  orgdesign init option-a
  orgdesign validate option-a.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			if !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
				name += ".yaml"
			}
			id := idFrom(strings.TrimSuffix(strings.TrimSuffix(filepath.Base(name), ".yaml"), ".yml"))
			if id == "" {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("cannot derive a scenario id from %q: use letters and digits", args[0])}
			}
			if _, err := os.Stat(name); err == nil && !o.force {
				return &exitError{code: exitUsage, msg: name + " already exists (use --force to overwrite it)"}
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &exitError{code: exitUsage, msg: err.Error()}
			}
			var b bytes.Buffer
			if err := skeleton.Execute(&b, map[string]string{"ID": id}); err != nil {
				return err
			}
			if _, ds := model.Parse(name, b.Bytes(), 0); ds.HasErrors() {
				return fmt.Errorf("internal error: the skeleton does not parse:\n%v", ds)
			}
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return &exitError{code: exitUsage, msg: err.Error()}
			}
			if err := atomic.WriteFile(name, b.Bytes()); err != nil {
				return &exitError{code: exitUsage, msg: err.Error()}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\nnext: edit it, then run: orgdesign validate %s\n", name, name)
			return nil
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// idFrom turns a file name into a lower-kebab-case id.
func idFrom(s string) string {
	return strings.Trim(nonID.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

var skeleton = template.Must(template.New("skeleton").Parse(`# yaml-language-server: $schema=scenario.schema.json
# (write the schema beside this file with: orgdesign schema > scenario.schema.json)
#
# An orgdesign scenario (format v1). Check it with: orgdesign validate {{.ID}}.yaml
# Ids are lower-kebab-case and unique across the whole scenario; "agency" names
# the agency as a whole and may be used in any reference without being declared.

scenario:
  id: {{.ID}}
  title: Nouveau scénario d'organisation
  summary: |
    En quelques lignes (Markdown) : ce que propose ce scénario et pourquoi.
  # extends: common.yaml      # a shared context (a scenario with partial: true)
  # territory: morocco        # an embedded territory, or a territory file beside this one
  currency: MAD
  year: 2027

institution:                  # the institutional frame, compared with other countries
  legalForm: autonomous-agency  # ministry-department | autonomous-agency | social-security-fund | foundation-network | programme-unit
  supervision: ministere-tutelle
  financialAutonomy: true
  staffStatus: own-statute      # civil-service | own-statute | private-law | mixed
  registry: separate            # separate | internal
  payments: outsourced          # in-house | outsourced | mixed

prerequisites:                # what must happen before the option exists
  - { id: pre-decret, title: Décret d'organisation, kind: decree, months: 6, owner: ministere-tutelle }

transition: { cost: 10000000, months: 12 }

strategy:
  vision: Une vision en une phrase.
  mission: La mission de l'agence.
  objectives:
    - id: obj-delais
      title: Réduire les délais de traitement
      indicators:
        - { id: kpi-delai, title: Délai moyen de décision, unit: jours, baseline: 30, target: 15 }

phases:                       # from when things exist (units, staff, channels... take phase:)
  - { id: ph-demarrage, title: Démarrage, start: 2027-01 }

actors:                       # institutions outside the agency
  - { id: ministere-tutelle, name: Ministère de tutelle, kind: ministry }
  - { id: operateur-paiement, name: Opérateur de paiement, kind: operator }

bodies:                       # boards and committees
  - { id: ca, name: Conseil d'administration, kind: board, chair: ministere-tutelle,
      members: [ministere-tutelle], independentMembers: 2, meetingsPerYear: 2 }

profiles:                     # annual cost per person, in the scenario currency
  - { id: cadre, title: Cadre, annualCost: 300000 }
  - { id: gestionnaire, title: Gestionnaire de dossiers, annualCost: 180000, frontOffice: true }

units:                        # the agency's own structure; reportsTo a unit or a body
  - { id: dg, name: Direction générale, kind: executive, reportsTo: ca,
      staff: [ { profile: cadre, count: 3 } ] }
  - { id: dir-prestations, name: Direction des prestations, kind: directorate, reportsTo: dg,
      staff: [ { profile: cadre, count: 5 }, { profile: gestionnaire, count: 20 } ] }
  # A territorial unit, once the scenario names a territory:
  # - id: dr
  #   name: "Délégation régionale {territory}"   # {territory} is replaced per instance
  #   kind: delegation
  #   tier: regional
  #   reportsTo: dg
  #   per: region                  # one instance per territory unit of that level (or at: ID)
  #   staff:
  #     - { profile: gestionnaire, onePer: 40000, of: households }   # a staffing norm

channels:                     # where households reach the service
  - { id: portail, name: Portail en ligne, kind: digital, operator: agency, stages: [intake, grievance] }

chain:                        # who does each delivery-chain stage (one accountable each)
  - { stage: intake, accountable: dir-prestations, responsible: [portail] }
  - { stage: eligibility, accountable: dir-prestations, systems: [si-gestion] }
  - { stage: payment, accountable: dir-prestations, responsible: [operateur-paiement] }

systems:
  - { id: si-gestion, name: Système de gestion des prestations, owner: dir-prestations, kind: management }
  - { id: si-paiement, name: Plateforme de paiement, owner: operateur-paiement, kind: payment }

interfaces:
  - { id: gestion-paiement, from: si-gestion, to: si-paiement, data: [ordres de paiement],
      stages: [payment], personalData: true, mode: api, agreement: signed, legalBasis: À préciser }

demand:                       # what the structure must serve
  households: 100000
  distribution: population

assumptions:                  # every figure without a source of its own
  - { id: hyp-menages, text: "100 000 ménages à servir la première année", source: "Hypothèse de travail" }

risks:                        # likelihood and impact from 1 to 5
  - id: r-paiement
    title: Interruption du canal de paiement
    category: operational
    owner: dir-prestations
    likelihood: 3
    impact: 5
    mitigations:
      - { id: mit-second-operateur, title: Second opérateur de paiement, reduces: likelihood, by: 1, status: planned }
`))
