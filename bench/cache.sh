#!/usr/bin/env bash
# What the cache saves: builds the shared corpus of N posts (default 4,000) cold (no .site-cache),
# warm (nothing changed), after one post's text changed, and after one layout changed; Hugo,
# Eleventy and Jekyll build the same corpus in the same run (they render everything every time).
# Prints the median wall time and peak memory of RUNS rounds (default 3) and each row's ratio to
# Hugo's median. SITE_JAVA_OPTS (say -Xmx1g) and JAVA_HOME (another JDK) apply to our builds.
#   bench/cache.sh [N]
# Needs ../shared/bench/ beside this repository, hugo and jekyll (Debian packages) and npm for
# Eleventy; a peer that is missing is left out. Not part of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
posts="${1:-4000}"
runs="${RUNS:-3}"
work="$(mktemp -d /tmp/sitegen-cache-XXXX)"
trap 'rm -rf "$work"' EXIT
site="$work/site"
GEN_CORPUS="${GEN_CORPUS:-$here/bench/gen-corpus.py}" "$here/bench/make-site.sh" "$posts" "$site" >/dev/null
"$here/site" --version >/dev/null   # builds the generator and its class archive first
peers=""
if [ -f "$here/../shared/bench/peers.sh" ] && bash "$here/../shared/bench/peers.sh" "$site/corpus" "$work/peers" >/dev/null 2>&1; then
  peers=1
fi

timed() { # LABEL CMD...: appends the wall seconds and peak KB of CMD to $work/LABEL
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -a -o "$work/$label" "$@" >/dev/null 2>&1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
post=$(find "$site/content/blog" -name '*.md' | sort | sed -n 100p)
# bench/gen-corpus.py dates three posts a day from 2018: in late 2026, posts past about 9,700 are dated after
# today, which would leave them out as scheduled. Every build here publishes them (--future, Hugo's
# --buildFuture, Jekyll's --future; Eleventy publishes every date), so each one builds every post.

for i in $(seq "$runs"); do
  rm -rf "$site/.site-cache"
  timed cold "$here/site" build -q --future -s "$site"
  timed warm "$here/site" build -q --future -s "$site"
  printf '\nOne more sentence, round %s.\n' "$i" >> "$post"
  timed one-post "$here/site" build -q --future -s "$site"
  printf '\n<!-- round %s -->\n' "$i" >> "$site/layouts/article.html"
  timed one-layout "$here/site" build -q --future -s "$site"
  if [ -n "$peers" ] && command -v hugo >/dev/null; then
    timed hugo hugo --quiet --buildFuture -s "$work/peers/hugo" -d "$work/peers/hugo/public"
  fi
  if [ -n "$peers" ] && [ -x "$work/peers/eleventy-bin/node_modules/.bin/eleventy" ]; then
    timed eleventy npx --prefix "$work/peers/eleventy-bin" eleventy --quiet --input="$work/peers/eleventy" \
      --output="$work/peers/eleventy/_site"
  fi
  if [ -n "$peers" ] && command -v jekyll >/dev/null; then
    timed jekyll jekyll build -q --future -s "$work/peers/jekyll" -d "$work/peers/jekyll/_site"
  fi
done

hugo_median=""
[ -s "$work/hugo" ] && hugo_median=$(cut -d' ' -f1 "$work/hugo" | median)
printf "%-12s %9s %9s %9s   (%s posts, medians of %s)\n" build seconds "x Hugo" "peak MB" "$posts" "$runs"
for label in cold warm one-post one-layout hugo eleventy jekyll; do
  [ -s "$work/$label" ] || continue
  m=$(cut -d' ' -f1 "$work/$label" | median)
  mb=$(( $(cut -d' ' -f2 "$work/$label" | median | cut -d. -f1) / 1024 ))
  ratio="-"; [ -n "$hugo_median" ] && ratio=$(echo "scale=2; $m / $hugo_median" | bc)
  printf "%-12s %9s %9s %9s   runs: %s\n" "$label" "$m" "$ratio" "$mb" "$(cut -d' ' -f1 "$work/$label" | tr '\n' ' ')"
done
