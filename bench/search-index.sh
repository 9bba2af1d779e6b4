#!/usr/bin/env bash
# What search-index.json weighs and what writing it costs. Builds one generated corpus with this
# generator and with an older one that writes no index (OLD_DIR: a checkout of it, such as
# `git worktree add /tmp/old 23384d9`), alternating, in the same run: cold builds (--no-cache) and
# one-post builds (cache warm, one post edited: every other page's Markdown comes from the cache,
# and its text for the index is taken from that HTML again). Prints the medians, their difference,
# this generator's --verbose stage times, and the size of the index (raw and gzipped, as served).
#   bench/search-index.sh OLD_DIR [POSTS] [RUNS]      (defaults: 4000 posts, 5 runs of each)
# Needs ../shared/bench/gen_corpus.py beside this repository. Not part of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
old="$(cd "$1" && pwd)"; posts="${2:-4000}"; runs="${3:-5}"
work="$(mktemp -d /tmp/sitegen-search-XXXX)"
trap 'rm -rf "$work"' EXIT

"$here/bench/make-site.sh" "$posts" "$work/new" >/dev/null
cp -r "$work/new" "$work/old"          # each generator keeps its own cache
"$here/site" --version >/dev/null      # builds each generator (and its class archive) first
"$old/site" --version >/dev/null

wall() { # LABEL GENERATOR SITE ARGS...: appends "wall cpu" seconds of one build to $work/LABEL
  local label="$1" gen="$2" site="$3"; shift 3
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$gen/site" build -q -s "$site" "$@" >/dev/null
  awk '{print $1, $2 + $3}' "$work/t" >> "$work/$label"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
post=blog/$(ls "$work/new/content/blog" | grep '\.md$' | sort | sed -n 100p)

"$here/site" build -q -s "$work/new" >/dev/null; "$old/site" build -q -s "$work/old" >/dev/null   # warm the caches
for i in $(seq "$runs"); do
  wall cold-old "$old" "$work/old" --no-cache
  wall cold-new "$here" "$work/new" --no-cache
  for s in old new; do printf '\nOne more sentence, round %s.\n' "$i" >> "$work/$s/content/$post"; done
  wall one-post-old "$old" "$work/old"
  wall one-post-new "$here" "$work/new"
done

printf "%-10s %10s %10s %10s %10s   (%s posts, medians of %s, alternating)\n" build "old wall" "new wall" \
  "old CPU" "new CPU" "$posts" "$runs"
for b in cold one-post; do
  ow=$(cut -d' ' -f1 "$work/$b-old" | median); nw=$(cut -d' ' -f1 "$work/$b-new" | median)
  oc=$(cut -d' ' -f2 "$work/$b-old" | median); nc=$(cut -d' ' -f2 "$work/$b-new" | median)
  printf "%-10s %10s %10s %10s %10s   wall %+.2f s, CPU %+.2f s\n" "$b" "$ow" "$nw" "$oc" "$nc" \
    "$(echo "$nw - $ow" | bc)" "$(echo "$nc - $oc" | bc)"
done
echo "stages of one cold build with the index (--verbose):"
"$here/site" build --no-cache --verbose -s "$work/new" 2>&1 | grep -E ' ms  (render Markdown|blog index)'
index="$work/new/_site/search-index.json"
entries=$(grep -o '"url":' "$index" | wc -l)
raw=$(stat -c %s "$index"); gz=$(gzip -9 -c "$index" | wc -c)
echo "search-index.json: $entries pages, $raw bytes ($((raw / 1024)) KiB), gzip -9 $gz bytes ($((gz / 1024)) KiB)," \
  "$((raw / entries)) bytes a page"
