#!/usr/bin/env bash
# Build speed and memory: generates a corpus of N posts with bench/gen-corpus.py, builds it with
# ./site build, and prints pages per second, the median wall time and the peak memory. Where Hugo
# is installed (Debian package hugo), it builds the same corpus laid out by
# ../shared/bench/peers.sh in the same run, alternating with ours, and prints the ratio.
#   bench/run.sh [N ...]          (default: 1000 4000 40000; RUNS=3 builds of each)
# The 40,000-post build runs with the heap capped at 1 GB (-Xmx1g). Not part of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 4000 40000)
work="$(mktemp -d /tmp/sitegen-bench-XXXX)"
trap 'rm -rf "$work"' EXIT
peers="$here/../shared/bench/peers.sh"
"$here/site" --version >/dev/null   # builds the generator and its class archive first

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
timed() { # LABEL CMD...: appends "seconds kilobytes" to $work/LABEL
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > "$work/out-$label" 2>&1
  cat "$work/t" >> "$work/$label"
}

printf "%-7s %-6s %9s %9s %10s %9s %9s %7s\n" posts pages "ours s" "pages/s" "peak MB" "hugo s" "hugo MB" ratio
declare -A ours
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  GEN_CORPUS="$here/bench/gen-corpus.py" "$here/bench/make-site.sh" "$n" "$site" >/dev/null
  opts=""; [ "$n" -ge 40000 ] && opts="-Xmx1g"
  have_hugo=""
  if command -v hugo >/dev/null && [ -f "$peers" ]; then
    bash "$peers" "$site/corpus" "$work/peers-$n" >/dev/null 2>&1 && have_hugo=1
  fi
  rm -f "$work/ours-$n" "$work/hugo-$n"
  for i in $(seq "$runs"); do
    SITE_JAVA_OPTS="$opts" timed "ours-$n" "$here/site" build -s "$site"
    [ -n "$have_hugo" ] && timed "hugo-$n" hugo --quiet -s "$work/peers-$n/hugo" -d "$work/peers-$n/hugo/public"
  done
  pages=$(sed -n 's/^built \([0-9]*\) pages.*/\1/p' "$work/out-ours-$n" | tail -1)
  secs=$(cut -d' ' -f1 "$work/ours-$n" | median)
  mem=$(cut -d' ' -f2 "$work/ours-$n" | median)
  ours[$n]=$secs
  hs="-"; hm="-"; ratio="-"
  if [ -n "$have_hugo" ]; then
    hs=$(cut -d' ' -f1 "$work/hugo-$n" | median); hm=$(( $(cut -d' ' -f2 "$work/hugo-$n" | median | cut -d. -f1) / 1024 ))
    ratio=$(echo "scale=2; $secs / $hs" | bc)
  fi
  printf "%-7s %-6s %9s %9.0f %10d %9s %9s %7s\n" "$n" "$pages" "$secs" "$(echo "$pages / $secs" | bc -l)" \
    "$(( ${mem%.*} / 1024 ))" "$hs" "$hm" "$ratio"
  echo "  ours, each run (s KB): $(tr '\n' ' ' < "$work/ours-$n")" >&2
  [ -n "$have_hugo" ] && echo "  hugo, each run (s KB): $(tr '\n' ' ' < "$work/hugo-$n")" >&2
  rm -rf "$site" "$work/peers-$n"
done
if [ -n "${ours[4000]:-}" ] && [ -n "${ours[40000]:-}" ]; then
  echo "40,000 posts / 4,000 posts: $(echo "scale=2; ${ours[40000]} / ${ours[4000]}" | bc) (target: at most 10)"
fi
