#!/usr/bin/env bash
# Performance at national scale (issue 8): builds the binary, generates the
# synthetic scenario at 1,503 communes (national) and 15,030 (ten times),
# times orgdesign against one native `dot -Tsvg` layout of the same
# organisation drawn as one flat tree, runs the Go benchmarks behind the
# other targets, and prints one table with the targets beside the figures.
#
# Commands are timed with /usr/bin/time, best of $RUNS runs (default 5),
# with go-graphviz's WebAssembly compilation cache warm; "cold" rows are one
# run with that cache (and the SVG cache) empty, as on a new machine.
# "cached" report rows have every chart in the SVG cache (a report
# regenerated after an edit that leaves the charts alone); "uncached" rows
# lay every chart out (ORGDESIGN_CACHE=off), with layout worker processes
# as the machine's cores allow, and in one process
# (ORGDESIGN_LAYOUT_WORKERS=0). Go benchmark rows are the
# median of -count $COUNT. Nothing is written outside a temporary folder.
# Installs Graphviz and GNU time with apt-get when missing (root, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
COUNT=${COUNT:-3}

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }; }
need dot graphviz
[ -x /usr/bin/time ] || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/orgdesign"
go build -o "$bin" ./cmd/orgdesign
for n in 1503 15030; do
  go run ./internal/synth/cmd/synth -communes "$n" -out "$work/c$n" -flat-dot
done
nat="$work/c1503/scenario.yaml" ten="$work/c15030/scenario.yaml"
big="--max-size 268435456"

# go-graphviz compiles its WebAssembly into $TMPDIR/go-graphviz; the SVG
# cache goes where ORGDESIGN_CACHE says. Both start empty, in $work.
export TMPDIR="$work/tmp" ORGDESIGN_CACHE="$work/svg-cache"
mkdir -p "$TMPDIR"

# once CMD...: one run, "seconds peak-MB"
once() {
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$work/t" >&2; exit 1; }
  awk '{printf "%s %d\n", $1, $2 / 1024}' "$work/t"
}
# trial KEY CMD...: one run, keeping in bs[KEY] bm[KEY] the best of KEY
# (seconds, and the peak MB of that run)
declare -A bs bm
trial() {
  local key=$1 s m
  shift
  read -r s m < <(once "$@")
  if [ -z "${bs[$key]:-}" ] || awk "BEGIN{exit !($s < ${bs[$key]})}"; then bs[$key]=$s bm[$key]=$m; fi
}
# best CMD...: best of $RUNS runs, "seconds peak-MB" (run in a subshell, the
# key is fresh each time)
best() {
  for _ in $(seq "$RUNS"); do trial best "$@"; done
  echo "${bs[best]} ${bm[best]}"
}

# initms: what go-graphviz's package init (compiling or loading its
# WebAssembly) costs a command that draws nothing, in ms.
initms() { GODEBUG=inittrace=1 "$bin" version 2>&1 >/dev/null | awk '/go-graphviz\/internal\/wasm/ {print $5}'; }

# Cold: the first runs on a new machine (both caches empty).
init_cold=$(initms)
rm -rf "${TMPDIR:?}"/*
read -r cold_ver _ < <(once "$bin" version)
rm -rf "${TMPDIR:?}"/* "$ORGDESIGN_CACHE"
read -r cold_rep cold_rep_mb < <(once "$bin" report "$nat" -o "$work/out-cold")

# Warm: go-graphviz's compilation cache filled by the runs above. The
# report and native dot are run in turn, so that both meet the same load.
for _ in $(seq "$RUNS"); do
  trial rep "$bin" report "$nat" -o "$work/out"
  trial dot dot -Tsvg -o "$work/flat.svg" "$work/c1503/flat.dot"
  trial unc env ORGDESIGN_CACHE=off "$bin" report "$nat" -o "$work/out-off"
  trial one env ORGDESIGN_CACHE=off ORGDESIGN_LAYOUT_WORKERS=0 "$bin" report "$nat" -o "$work/out-one"
done
rep_s=${bs[rep]} rep_mb=${bm[rep]} dot_s=${bs[dot]} dot_mb=${bm[dot]} unc_s=${bs[unc]} unc_mb=${bm[unc]} one_s=${bs[one]} one_mb=${bm[one]}
# A workshop: `report --serve` regenerates the pack after each save of the
# scenario (here a central unit renamed, which changes several charts); its
# log gives each regeneration's time (build and write, after the debounce).
srv="$work/serve"
cp -r "$work/c1503" "$srv"
"$bin" report $big "$srv/scenario.yaml" -o "$work/out-serve" --serve --addr 127.0.0.1:0 > /dev/null 2> "$work/serve.log" &
spid=$!
# regens: how many regenerations the log tells ("15:04:05 ... (230ms)").
regen='^[0-9:]\{8\} .* ([0-9.]*m\?s)$'
regens() { grep -c "$regen" "$work/serve.log" || true; }
for _ in $(seq 100); do [ "$(regens)" -gt 0 ] && break; sleep 0.2; done
for i in $(seq "$RUNS"); do
  sed -i "s/name: Unité centrale 3[^,]*,/name: Unité centrale 3 v$i,/" "$srv/scenario.yaml"
  grep -q "Unité centrale 3 v$i," "$srv/scenario.yaml" || { echo "perf.sh: the serve edit changed nothing" >&2; exit 1; }
  for _ in $(seq 50); do [ "$(regens)" -gt "$i" ] && break; sleep 0.2; done
done
kill "$spid"; wait "$spid" 2>/dev/null || true
[ "$(regens)" -gt "$RUNS" ] || { echo "perf.sh: report --serve regenerated $(regens) times, want $((RUNS + 1)):" >&2; cat "$work/serve.log" >&2; exit 1; }
read -r serve_best serve_med < <(grep "$regen" "$work/serve.log" | grep -o '([0-9.]*m\?s)$' | tail -n +2 | tr -d '()' |
  awk '{v = $1; if (v ~ /ms$/) v = v / 1000; else v = v + 0; print v}' | sort -n |
  awk '{a[NR] = $1} END {if (NR == 0) {print "? ?"; exit} printf "%.2f %.2f\n", a[1], a[int((NR + 1) / 2)]}')

read -r chk_s _ < <(best "$bin" report --check "$nat" -o "$work/out")
read -r uchk_s _ < <(best env ORGDESIGN_CACHE=off "$bin" report --check "$nat" -o "$work/out-off")
sums() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }
for d in out-off out-one; do
  cmp -s <(sums "$work/out") <(sums "$work/$d") || { echo "the reports in out and $d differ" >&2; exit 1; }
done
read -r ver_s ver_mb < <(best "$bin" version)
init_warm=$(initms)
declare -A cmd_s cmd_mb
for c in validate analyze risk; do
  fmt=""; [ "$c" = validate ] || fmt="--format json"
  for n in 1503 15030; do
    # shellcheck disable=SC2086
    read -r "cmd_s[$c$n]" "cmd_mb[$c$n]" < <(best "$bin" $c $fmt $big "$work/c$n/scenario.yaml")
  done
done

# Go benchmarks: median ns/op of -count $COUNT, printed in ms.
bench() { # PKG REGEXP -> "name ms" lines
  go test -run '^$' -bench "$2" -count "$COUNT" "$1" |
    awk '/^Benchmark/ {sub(/-[0-9]+$/, "", $1); print $1, $3}' | sort -k1,1 -k2,2n |
    awk '$1 != k {if (k != "") printf "%s %.3f\n", k, v[int((n + 1) / 2)] / 1e6; k = $1; n = 0}
         {v[++n] = $2}
         END {if (k != "") printf "%s %.3f\n", k, v[int((n + 1) / 2)] / 1e6}'
}
declare -A ms
while read -r k v; do ms[$k]=$v; done < <(
  bench ./model/ 'BenchmarkParse|BenchmarkValidate'
  bench ./analysis/ 'BenchmarkAnalyze'
  bench ./risk/ 'BenchmarkAssess'
  bench ./chart/ 'BenchmarkCharts'
  bench ./report/ 'BenchmarkReport'
  bench ./tui/ 'BenchmarkKeystroke'
)

r2() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
ms() { echo "${ms[$1]:-?}"; }
ar() { awk "BEGIN{printf \"%.1f\", ($1) / ($2)}"; }
row() { printf '%-58s %12s %9s   %s\n' "$@"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f", $2/1048576}' /proc/meminfo) GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3), native $(dot -V 2>&1 | cut -d' ' -f5), load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d)"
echo "national: 1,503 communes, $(grep -c -- '->' "$work/c1503/flat.dot") edges in the flat tree; ten times: 15,030 communes"
echo
row "figure" "value" "peak MB" "target"
row "orgdesign report, national, cached charts (s)" "$rep_s" "$rep_mb" "<= dot"
row "orgdesign report, national, uncached (s)" "$unc_s" "$unc_mb" "<= dot"
row "  the same, laid out in one process (s)" "$one_s" "$one_mb" ""
row "native dot -Tsvg, national flat tree (s)" "$dot_s" "$dot_mb" ""
row "  report / dot, cached | uncached | one process" "$(r2 "$rep_s" "$dot_s") | $(r2 "$unc_s" "$dot_s") | $(r2 "$one_s" "$dot_s")" "" "<= 1"
row "orgdesign report --check, national, cached | uncached (s)" "$chk_s | $uchk_s" "" ""
row "report --serve, regeneration after an edit, best | median (s)" "$serve_best | $serve_med" "" ""
row "orgdesign report, national, cold first run (s)" "$cold_rep" "$cold_rep_mb" "shown apart"
row "orgdesign validate, national | ten times (s)" "${cmd_s[validate1503]} | ${cmd_s[validate15030]}" "${cmd_mb[validate15030]}" "ten times < 1"
row "orgdesign analyze, national | ten times (s)" "${cmd_s[analyze1503]} | ${cmd_s[analyze15030]}" "${cmd_mb[analyze15030]}" ""
row "orgdesign risk, national | ten times (s)" "${cmd_s[risk1503]} | ${cmd_s[risk15030]}" "${cmd_mb[risk15030]}" ""
row "  analyze + risk commands, ten times / national" "$(ar "${cmd_s[analyze15030]} + ${cmd_s[risk15030]}" "${cmd_s[analyze1503]} + ${cmd_s[risk1503]}")" "" "<= 12"
row "orgdesign version, warm | cold (s)" "$ver_s | $cold_ver" "$ver_mb" ""
row "  of which go-graphviz's package init, warm | cold (ms)" "$init_warm | $init_cold" "" "library's"
echo
row "Go benchmark (median of $COUNT, ms)" "national" "ten times" "ten / national"
bt() { row "$1" "$(ms "$2=1503$3")" "$(ms "$2=15030$3")" "$(ar "$(ms "$2=15030$3")" "$(ms "$2=1503$3")")"; }
bt "load: parse the territory file" BenchmarkParse/communes ""
bt "validate: load, resolve, expand, check" BenchmarkValidate/communes ""
bt "analyze" BenchmarkAnalyze/communes ""
bt "risk: assess register and rules" BenchmarkAssess/communes ""
row "  analyze + risk, ten times / national" "" "" "$(ar "$(ms BenchmarkAnalyze/communes=15030) + $(ms BenchmarkAssess/communes=15030)" "$(ms BenchmarkAnalyze/communes=1503) + $(ms BenchmarkAssess/communes=1503)")   (target <= 12)"
bt "chart: DOT of every view" BenchmarkCharts/communes "/dot"
bt "chart: SVG of every view, uncached" BenchmarkCharts/communes "/svg-cache=off"
bt "chart: SVG of every view, cached" BenchmarkCharts/communes "/svg-cache=warm"
bt "report: load to files in memory, uncached" BenchmarkReport/communes "/svg-cache=off"
bt "report: load to files in memory, cached" BenchmarkReport/communes "/svg-cache=warm"
row "editor keystroke (Update + View), national" "$(ms BenchmarkKeystroke/national)" "" "(target < 16)"
