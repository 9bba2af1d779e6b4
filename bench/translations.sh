#!/usr/bin/env bash
# What translations cost: builds the shared corpus as it is, and again with languages declared and
# a Polish translation of every fourth post (blog/lang/pl/, a copy of its original, so that its
# relative links lead to untranslated posts through the original's place), alternating, with no
# cache; prints the median wall and CPU time of each and their ratio.
#   bench/translations.sh [POSTS] [RUNS]      (defaults: 4000 posts, 5 runs of each)
# Needs ../shared/bench/gen_corpus.py beside this repository. Not part of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
posts="${1:-4000}"; runs="${2:-5}"
work="$(mktemp -d /tmp/sitegen-translations-XXXX)"
trap 'rm -rf "$work"' EXIT

"$here/bench/make-site.sh" "$posts" "$work/plain" >/dev/null
cp -r "$work/plain" "$work/translated"
mkdir -p "$work/translated/content/blog/lang/pl"
n=0
for f in "$work"/translated/content/blog/*.md; do
  n=$((n + 1)); [ $((n % 4)) -eq 0 ] || continue
  # a fixed permalink would be written twice: the translation keeps the one its path gives
  sed "/^permalink:/d" "$f" > "$work/translated/content/blog/lang/pl/$(basename "$f")"
done
cat >> "$work/translated/site.yml" <<'YML'
languages:
  en: {name: English}
  pl: {name: Polski, blog: true}
  fr: {name: Français}
translations:
  pattern: "{dir}/lang/{lang}/{file}"
YML
translations=$(ls "$work/translated/content/blog/lang/pl" | wc -l)
"$here/site" --version >/dev/null   # builds the generator first if needed

wall() { # appends "wall-seconds cpu-seconds" of one build of the site named second to the file named first
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$here/site" build --no-cache -s "$work/$2" -o "$work/out-$2" > "$work/last.txt"
  awk '{print $1, $2 + $3}' "$work/t" >> "$work/$1"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for i in $(seq "$runs"); do
  wall plain.txt plain
  wall translated.txt translated; tail -1 "$work/last.txt"
done
p=$(cut -d' ' -f1 "$work/plain.txt" | median); t=$(cut -d' ' -f1 "$work/translated.txt" | median)
cp=$(cut -d' ' -f2 "$work/plain.txt" | median); ct=$(cut -d' ' -f2 "$work/translated.txt" | median)
echo "posts: $posts, translations: $translations, runs: $runs each, alternating, no cache"
echo "one language:                 median wall ${p} s, median CPU ${cp} s"
echo "three languages, translated:  median wall ${t} s, median CPU ${ct} s"
echo "ratio: wall $(echo "scale=2; $t / $p" | bc), CPU $(echo "scale=2; $ct / $cp" | bc)" \
  "(the translated site has $translations more pages)"
