#!/usr/bin/env bash
# Performance at national scale (issue 8): builds the binary, generates the
# synthetic scenario at 1,503 communes (national) and 15,030 (ten times),
# times orgdesign against one native `dot -Tsvg` layout of the same
# organisation drawn as one flat tree, and prints the figures and ratios.
# Installs Graphviz and GNU time with apt-get when missing (root, Debian).
# Figures are wall-clock seconds and peak RSS from /usr/bin/time; the first
# report on a machine (cold go-graphviz compilation cache) is shown apart.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }; }
need dot graphviz
[ -x /usr/bin/time ] || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/orgdesign" ./cmd/orgdesign
for n in 1503 15030; do
  go run ./internal/synth/cmd/synth -communes "$n" -out "$work/c$n" -flat-dot
done

# measure LABEL CMD...: best of 3 runs, "seconds peak-MB"
measure() {
  local best="" mem=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$work/t" >&2; exit 1; }
    read -r s kb <"$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; mem=$((kb / 1024)); fi
  done
  echo "$best $mem"
}

export TMPDIR="$work/tmp"; mkdir -p "$TMPDIR"   # a fresh go-graphviz cache: the first run is cold
cold=$(/usr/bin/time -f '%e' "$work/orgdesign" report "$work/c1503/scenario.yaml" -o "$work/out-cold" 2>&1 >/dev/null | tail -1)

big="--max-size 268435456"
read -r rep_s rep_mb < <(measure "$work/orgdesign" report "$work/c1503/scenario.yaml" -o "$work/out")
read -r chk_s _ < <(measure "$work/orgdesign" chart --view all "$work/c1503/scenario.yaml" -o "$work/out/charts" --check)
read -r dot_s dot_mb < <(measure dot -Tsvg -o "$work/flat.svg" "$work/c1503/flat.dot")
read -r v1_s _ < <(measure "$work/orgdesign" validate $big "$work/c1503/scenario.yaml")
read -r v10_s v10_mb < <(measure "$work/orgdesign" validate $big "$work/c15030/scenario.yaml")
read -r a1_s _ < <(measure "$work/orgdesign" analyze --format json $big "$work/c1503/scenario.yaml")
read -r a10_s _ < <(measure "$work/orgdesign" analyze --format json $big "$work/c15030/scenario.yaml")
read -r r1_s _ < <(measure "$work/orgdesign" risk --format json $big "$work/c1503/scenario.yaml")
read -r r10_s _ < <(measure "$work/orgdesign" risk --format json $big "$work/c15030/scenario.yaml")
read -r ver_s _ < <(measure "$work/orgdesign" version)

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(go version | cut -d' ' -f3), $(dot -V 2>&1), $(date -u +%Y-%m-%d)"
echo "flat tree: $(grep -c -- '->' "$work/c1503/flat.dot") edges"
printf '%-52s %8s %8s\n' "workload (best of 3, warm)" "seconds" "peak MB"
printf '%-52s %8s %8s\n' "orgdesign report, national" "$rep_s" "$rep_mb"
printf '%-52s %8s %8s\n' "native dot -Tsvg, national flat tree" "$dot_s" "$dot_mb"
printf '%-52s %8s\n'     "orgdesign chart --check, national" "$chk_s"
printf '%-52s %8s\n'     "orgdesign validate, national" "$v1_s"
printf '%-52s %8s %8s\n' "orgdesign validate, ten times" "$v10_s" "$v10_mb"
printf '%-52s %8s\n'     "orgdesign analyze, national / ten times" "$a1_s / $a10_s"
printf '%-52s %8s\n'     "orgdesign risk, national / ten times" "$r1_s / $r10_s"
printf '%-52s %8s\n'     "orgdesign version (start-up)" "$ver_s"
printf '%-52s %8s\n'     "orgdesign report, national, cold first run" "$cold"
echo "report / dot:                 $(ratio "$rep_s" "$dot_s")   (target <= 1)"
echo "analyze ten times / national: $(ratio "$a10_s" "$a1_s")   (target <= 12, includes start-up)"
echo "risk ten times / national:    $(ratio "$r10_s" "$r1_s")"
