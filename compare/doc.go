// Package compare sets several scenarios together: their key figures side by
// side, a multi-criteria ranking (MCDA) from the study's criteria and workshop
// scores with its sensitivity to the weights, and the semantic diff of two
// versions of a scenario. It reads no file, prints nothing and formats no
// text: the report package renders its results.
//
// This comment is the reference of the method: the hand-computed tests
// (TestKnownAnswerStudy on testdata/study/known.yaml, TestRankHandComputed,
// TestThresholdsHandComputed, TestLeadIntervals) follow it step by step.
//
// # Criteria values
//
// A computed criterion takes its value from a metric of the scenario's
// figures (Figures.Metric): payroll, headcount, annual-cost (the running cost
// of units, channels, systems and the register's mitigations besides
// payroll), setup-cost, residual-risk (the residual exposure: the sum of the
// residual scores of the register, the structural findings it accepts
// included), open-findings (the findings neither accepted nor dismissed),
// capacity-gap (the staff short of the standards as a share of the staff
// they require, 0–1: the shortfall of each place against its tier's
// standards — the staff of that tier's units at the place pooled, each
// standard's requirement counted once — and of each national standard,
// summed, over the staff required; missing when the standards require no
// one), transition-cost and transition-months (missing when the scenario has
// no `transition`), offices (the agency's own sites), service-points (every
// place a household is served in person: own offices, partners' counters,
// mobile units; payment agents' points are listed apart by kind, not
// counted: analysis.ServicePointCounted), chain-gaps (delivery-chain stages
// without an accountable), benchmark-distance (1 − the score of the nearest
// benchmark country; missing without countries) and the cost metrics below.
//
// A scored criterion takes the mean of the study's workshop scores for the
// criterion and the scenario. A score may name a stakeholder group: that
// group's ranking uses the mean of its own scores for the scenario; the other
// groups, and that group for a scenario it did not score, use the common
// value, the mean of the scores without a group (or, when every score of the
// scenario names a group, the mean of the groups' means). Scores of
// scenarios not compared are ignored.
//
// # Costs
//
// Each option's Figures.Costs lays its costs out by calendar year
// (analysis.Budget) over one horizon for every option compared
// (analysis.StudyHorizon: the study's horizon and discount rate, from the
// year of its date, else of the options' earliest phase start, else of their
// earliest year). The cost metrics are total-cost (the sum of the years'
// totals over the horizon), one-off-cost (transition, installation, systems
// and mitigations within the horizon), running-cost (the steady state: a
// full year with everything open, payroll and the annual costs of units,
// channels, systems and mitigations) and admin-share (running-cost over
// demand.benefitsPerYear).
//
// # Missing values
//
// A value that cannot be had is never taken as 0: no workshop score for a
// scenario (reason no-score), no transition (no-transition), no benchmark
// country (no-benchmark), no staff required by the standards for
// capacity-gap (no-standards), no benefits envelope for admin-share
// (no-benefits), a metric neither computed nor scored (unknown-metric). It
// is listed in Ranking.Missing, and the criterion is left out of the
// ranking of every group that lacks a value for some scenario (its weight
// goes to the group's other criteria when the shares are normalised).
//
// # Normalisation
//
// Each value v is brought to 0–1, 1 being best, by the criterion's scale
// (Criterion.Scale):
//
//   - scores: a scored criterion is on its fixed 1–5 scale, whatever the
//     other options score: (mean − 1)/4 when more is better (max), (5 −
//     mean)/4 when less is better (min);
//   - declared: a computed criterion with `scale: { worst: W, best: B }` (in
//     the metric's unit) gets clamp((v − W)/(B − W), 0, 1); its direction is
//     the scale's (W > B: min);
//   - natural: capacity-gap without a declared scale is a share, on its own
//     0–1 scale: 1 − v (v with direction max);
//   - options: any other computed criterion is normalised min–max over the
//     options compared: (v − min)/(max − min) with direction max, (max −
//     v)/(max − min) with min; when every option has the same value, each
//     gets 0.5. This scale depends on the options compared.
//
// Without a direction, a scored criterion and the offices and service-points
// metrics are "max", every other metric "min". A group's own scores are
// normalised the same way.
//
// # Weights and groups
//
// A criterion's `weights` map a stakeholder group to a weight. The key `all`
// is the weight of every group the map does not name; a group the map does
// not name, without `all`, gives the criterion no weight; a criterion
// without any weights weighs 1 for every group. The groups are those of the
// study's stakeholders, in their order (a weight or a score naming another
// group is an error of the study); when no stakeholder has a group, those
// named by the weights, then by the scores; without any, there is one group,
// "all". A group that weighs no criterion is listed (Unweighted), not
// ranked. Within a group, the weights of the criteria it counts are
// normalised to sum to 1 (its shares), and the group's score of a scenario
// is the sum of share × normalised value.
//
// # Combined score and ties
//
// The combined score is the mean of the ranked groups' scores, each group
// counting the same whatever its raw weights add up to; a criterion's
// combined weight is the mean of its share across the ranked groups (0 in a
// group that does not count it), and its contribution to a scenario's
// combined score the mean of share × value. Scenarios rank by score, highest
// first; equal scores (within 1e-9) share a rank and keep the set's order.
//
// # Dependence on the options compared
//
// Ranking.Reversal lists the criteria counted whose scale is min–max over
// the options (their values change when an option is added or removed) and,
// with three options or more, ranks the others again without each option in
// turn, by this same method; a pair of the others is reordered when its
// order changes (one passes the other, or a tie appears or is broken). With
// every criterion on a fixed scale and no missing value, no removal can
// reorder the others (TestFixedScalesNeverReverse); a missing value can,
// since the criterion it leaves out comes back when its option is removed.
//
// # Sensitivity
//
// Perturbations: for each of Options.Draws draws, every non-zero raw weight
// of every group is multiplied by a factor drawn uniformly in [0.5, 1.5],
// the group's weights are renormalised, and the combined ranking is
// recomputed on the same normalised values; the result counts how often
// each scenario comes first (a tie goes to the first in the set's order).
// The draws come from one PCG generator seeded with Options.Seed, in a fixed
// order, on one goroutine: the same seed gives the same counts on any
// machine.
//
// Thresholds: for each criterion counted in the combined ranking, its
// combined weight w is moved to x in [0, 1] while the other criteria's
// combined weights are rescaled by (1 − x)/(1 − w), keeping their
// proportions. Every scenario's score is then linear in x, S_x(s) = x·a(s) +
// (1 − x)·b(s), a being the criterion's normalised value and b the rest of
// the score over 1 − w, so the weights at which another scenario catches up
// with the leader are found exactly, below and above w; the nearest in each
// direction is reported, or the criterion is robust when no x in [0, 1]
// changes the leader.
//
// # The recommendation
//
// The option the study's recommendation names is the first, in the text, of
// the options' ids and titles (case ignored; a name inside a longer word
// does not count; at one place the longer name wins): Recommended. It
// departs from the ranking when its combined rank is not 1. For it are
// given its rank and score beside the leader's, the groups whose ranking
// puts it first, and, per criterion counted, the interval of combined
// weight over which it would lead (scores at least as much as every other
// option; at an end it ties), with the same linear scores as the
// thresholds: for each other option s, S_x(t) − S_x(s) ≥ 0 holds on a
// half-line of x, and their intersection with [0, 1] is the interval, or
// empty (Ranking.LeadIntervals).
package compare
