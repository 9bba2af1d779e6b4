#!/usr/bin/env bash
# What resolving and checking links costs: builds the shared 4,000-post corpus with and without
# link checking, alternating, and prints the median wall time of each and their ratio.
#   bench/links.sh [POSTS] [RUNS]      (defaults: 4000 posts, 5 runs of each)
# Needs ../shared/bench/gen_corpus.py beside this repository. Not part of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
posts="${1:-4000}"; runs="${2:-5}"
work="$(mktemp -d /tmp/sitegen-links-XXXX)"
trap 'rm -rf "$work"' EXIT

"$here/bench/make-site.sh" "$posts" "$work/site" >/dev/null
"$here/site" --version >/dev/null   # builds the generator first if needed

wall() { # appends "wall-seconds cpu-seconds" of one build to the file named first
  local file="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$here/site" build -s "$work/site" "$@" > "$work/last.txt"
  awk '{print $1, $2 + $3}' "$work/t" >> "$file"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for i in $(seq "$runs"); do
  wall "$work/with.txt"; cat "$work/last.txt"
  wall "$work/without.txt" --no-link-check
done
with=$(cut -d' ' -f1 "$work/with.txt" | median); without=$(cut -d' ' -f1 "$work/without.txt" | median)
cwith=$(cut -d' ' -f2 "$work/with.txt" | median); cwithout=$(cut -d' ' -f2 "$work/without.txt" | median)
echo "posts: $posts, runs: $runs each, alternating"
echo "with link checking:    median wall ${with} s, median CPU ${cwith} s"
echo "without link checking: median wall ${without} s, median CPU ${cwithout} s"
echo "added by link checking: wall $(echo "scale=1; ($with - $without) * 100 / $without" | bc) %," \
  "CPU $(echo "scale=1; ($cwith - $cwithout) * 100 / $cwithout" | bc) %"
