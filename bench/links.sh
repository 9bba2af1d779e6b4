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

wall() { # prints the wall seconds of one build
  local start end
  start=$(date +%s.%N)
  "$here/site" build -s "$work/site" "$@" > "$work/last.txt"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for i in $(seq "$runs"); do
  wall >> "$work/with.txt"; cat "$work/last.txt"
  wall --no-link-check >> "$work/without.txt"
done
with=$(median < "$work/with.txt"); without=$(median < "$work/without.txt")
echo "posts: $posts, runs: $runs each, alternating"
echo "with link checking:    median ${with} s  ($(tr '\n' ' ' < "$work/with.txt"))"
echo "without link checking: median ${without} s  ($(tr '\n' ' ' < "$work/without.txt"))"
echo "added by link checking: $(echo "scale=1; ($with - $without) * 100 / $without" | bc) %"
