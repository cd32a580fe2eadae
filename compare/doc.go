// Package compare sets several scenarios together: their key figures side by
// side, a multi-criteria ranking (MCDA) from the study's criteria and workshop
// scores with its sensitivity to the weights, and the semantic diff of two
// versions of a scenario. It reads no file, prints nothing and formats no
// text: the report package renders its results.
//
// # Criteria values
//
// A computed criterion takes its value from a metric of the scenario's
// figures (Figures.Metric): payroll, headcount, annual-cost (the running cost
// of units, channels and systems besides payroll), setup-cost,
// residual-risk (the residual exposure: the sum of the residual scores of the
// register, the structural findings it accepts included), open-findings
// (the findings neither accepted nor dismissed), capacity-gap, transition-cost and
// transition-months (missing when the scenario has no `transition`), offices,
// chain-gaps (delivery-chain stages without an accountable) and
// benchmark-distance (1 − the score of the nearest benchmark country; missing
// without countries).
//
// A scored criterion takes the mean of the study's workshop scores for the
// criterion and the scenario. A score may name a stakeholder group: that
// group's ranking uses the mean of its own scores for the scenario; the other
// groups, and that group for a scenario it did not score, use the common
// value, the mean of the scores without a group (or, when every score of the
// scenario names a group, the mean of the groups' means). Scores of
// scenarios not compared are ignored.
//
// A value that cannot be had (no score for a scenario, no transition, no
// benchmark country, an unknown metric) is never taken as 0: it is listed in
// Ranking.Missing, and the criterion is left out of the ranking of every
// group that lacks a value for some scenario.
//
// # Normalisation
//
// Each criterion is normalised to 0–1 over the scenarios compared, min–max,
// with its direction: (v − min)/(max − min) when more is better (max),
// (max − v)/(max − min) when less is better (min). When every scenario has
// the same value, each gets 0.5. Without a direction, a scored criterion and
// the offices metric are "max", every other metric "min".
//
// # Weights and groups
//
// A criterion's `weights` map a stakeholder group to a weight. The key `all`
// is the weight of every group the map does not name; a group the map does
// not name, without `all`, gives the criterion no weight; a criterion
// without any weights weighs 1 for every group. The groups are those of the
// study's stakeholders, in their order, then any other group a weight names;
// without any, there is one group, "all". Within a group, the weights of the
// criteria it counts are normalised to sum to 1, and the group's score of a
// scenario is the sum of weight × normalised value. The combined score is the
// mean of the groups' scores, each group counting the same whatever its raw
// weights add up to; a criterion's combined weight is the mean of its
// normalised weight across the groups. Scenarios rank by score, highest
// first; equal scores (within 1e-9) share a rank and keep the set's order.
//
// # Sensitivity
//
// Perturbations: for each of Options.Draws draws, every non-zero raw weight
// of every group is multiplied by a factor drawn uniformly in [0.5, 1.5],
// the group's weights are renormalised, and the combined ranking is
// recomputed; the result counts how often each scenario comes first. The
// draws come from one PCG generator seeded with Options.Seed, in a fixed
// order, on one goroutine: the same seed gives the same counts on any
// machine.
//
// Thresholds: for each criterion counted in the combined ranking, its
// combined weight w is moved to x in [0, 1] while the other criteria's
// combined weights are rescaled by (1 − x)/(1 − w), keeping their
// proportions. Every scenario's score is then linear in x, so the weights at
// which another scenario catches up with the leader are found exactly, below
// and above w; the nearest in each direction is reported, or the criterion
// is robust when no x in [0, 1] changes the leader.
package compare
