#!/usr/bin/env bash
# What build-time syntax highlighting costs: builds the shared 4,000-post corpus (a 4-line Haskell
# block in every 4th post) with and without highlighting, alternating, --no-cache each time, and
# prints the median wall and CPU (user + sys) seconds of each and their ratio. "Without" is the same
# generator run with -Dsitegen.highlight=off (a switch for this bench only), so both use the same jar
# and class archive.
#   bench/highlight.sh [POSTS] [RUNS]      (defaults: 4000 posts, 5 runs of each)
#   CODE_HEAVY=1 bench/highlight.sh        (also appends a 30-line block to every post, rotating
#                                           Java, Python, shell, TypeScript, Rust, YAML, JSON, Go,
#                                           Haskell, TOML, Dockerfile, diff)
# Needs ../shared/bench/gen_corpus.py beside this repository (GEN_CORPUS names another). Not part
# of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
posts="${1:-4000}"; runs="${2:-5}"
work="$(mktemp -d /tmp/sitegen-highlight-XXXX)"
trap 'rm -rf "$work"' EXIT

"$here/bench/make-site.sh" "$posts" "$work/site" >/dev/null
if [ -n "${CODE_HEAVY:-}" ]; then
  python3 - "$work/site/content/blog" <<'PY'
import os, sys
blocks = {
  "java": ["import java.util.*;", "", "/** A queue of messages. */", "public final class Queue<T> {",
           "  private final Deque<T> items = new ArrayDeque<>();", "  @Override public String toString() {",
           "    return \"Queue(\" + items.size() + \")\"; // <size>", "  }", "  public void push(T item) {",
           "    if (item == null) throw new IllegalArgumentException(\"null\");", "    items.addLast(item);", "  }", "}"],
  "python": ["import os", "", "def walk(root: str, depth=0):", "    \"\"\"Yield files under root.\"\"\"",
             "    for name in sorted(os.listdir(root)):", "        path = os.path.join(root, name)  # full path",
             "        if os.path.isdir(path) and depth < 3:", "            yield from walk(path, depth + 1)",
             "        else:", "            yield path, 0x1F, 3.14"],
  "bash": ["#!/usr/bin/env bash", "set -euo pipefail", "for f in \"$@\"; do", "  if [ -f \"$f\" ]; then",
           "    echo \"building $f\" >&2", "    ./site build -q -s \"$(dirname \"$f\")\" --no-cache", "  fi", "done"],
  "typescript": ["interface Post { title: string; date?: Date }", "export async function load<T extends Post>(url: string): Promise<T[]> {",
                 "  const res = await fetch(`${url}/posts.json`);", "  return (await res.json()) as T[];", "}"],
  "rust": ["use std::collections::HashMap;", "", "#[derive(Debug)]", "struct Page<'a> { title: &'a str, words: usize }",
           "fn count(pages: &[Page]) -> HashMap<&str, usize> {", "    pages.iter().map(|p| (p.title, p.words)).collect()", "}"],
  "yaml": ["title: Bench", "baseUrl: https://example.org", "markdown:", "  softBreaksAsBr: true", "defaults:",
           "  - scope: {path: docs}", "    values: {layout: article}"],
  "json": ["{", "  \"title\": \"Bench\",", "  \"posts\": [1, 2, 3],", "  \"draft\": false,", "  \"author\": null", "}"],
  "go": ["package main", "", "import \"fmt\"", "", "func main() {", "\tfor i := 0; i < 3; i++ {",
         "\t\tfmt.Printf(\"%d <%s>\\n\", i, \"x\")", "\t}", "}"],
  "haskell": ["{-# LANGUAGE OverloadedStrings #-}", "module Main (main) where", "", "import qualified Data.Map as M",
              "", "-- | Words and how often they occur.", "count :: [String] -> M.Map String Int",
              "count = foldr (\\w -> M.insertWith (+) w 1) M.empty", "", "main :: IO ()",
              "main = mapM_ print (M.toList (count (words \"a b a\")))  -- 'a' twice"],
  "toml": ["# site settings", "[site]", "title = \"Bench\"", "posts = 4_000", "published = 2024-05-27T07:32:00Z",
           "", "[[authors]]", "name = 'Ada'", "tags = [\"math\", \"engines\"]", "draft = false"],
  "dockerfile": ["# syntax=docker/dockerfile:1", "FROM eclipse-temurin:17-jdk AS build", "WORKDIR /src",
                 "COPY . .", "RUN ./mvnw -B -q package \\", "    && cp target/*.jar /app.jar",
                 "FROM eclipse-temurin:17-jre", "ENV JAVA_OPTS=\"-Xmx256m\"", "EXPOSE 8080",
                 "COPY --from=build /app.jar /app.jar", "CMD [\"java\", \"-jar\", \"/app.jar\"]"],
  "diff": ["diff --git a/site.yml b/site.yml", "--- a/site.yml", "+++ b/site.yml", "@@ -1,4 +1,4 @@",
           " title: Bench", "-baseUrl: http://example.org", "+baseUrl: https://example.org", " markdown:",
           "   softBreaksAsBr: true"],
}
langs = sorted(blocks)
root = sys.argv[1]
for i, name in enumerate(sorted(f for f in os.listdir(root) if f.endswith(".md"))):
    lang = langs[i % len(langs)]
    lines = (blocks[lang] * 3)[:30]
    with open(os.path.join(root, name), "a") as f:
        f.write("\n\n```" + lang + "\n" + "\n".join(lines) + "\n```\n")
PY
fi
"$here/site" --version >/dev/null   # builds the generator and its class archive first if needed

build() { # FILE [JAVA OPTS]: appends "wall-seconds cpu-seconds" of one build to FILE
  local file="$1"; shift
  SITE_JAVA_OPTS="${SITE_JAVA_OPTS:-} $*" /usr/bin/time -f "%e %U %S" -o "$work/t" \
    "$here/site" build -q --no-cache -s "$work/site" >/dev/null
  awk '{print $1, $2 + $3}' "$work/t" >> "$file"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for i in $(seq "$runs"); do
  build "$work/on.txt"
  spans=$( (grep -rho 'class="token ' "$work/site/_site" || true) | wc -l)
  build "$work/off.txt" -Dsitegen.highlight=off
  off_spans=$( (grep -rho 'class="token ' "$work/site/_site" || true) | wc -l)
done
blocks=$( (grep -rh '^```[a-z]' "$work/site/content" || true) | wc -l)
on=$(cut -d' ' -f1 "$work/on.txt" | median); off=$(cut -d' ' -f1 "$work/off.txt" | median)
con=$(cut -d' ' -f2 "$work/on.txt" | median); coff=$(cut -d' ' -f2 "$work/off.txt" | median)
echo "posts: $posts, fenced blocks with a language: $blocks, runs: $runs each, alternating${CODE_HEAVY:+, CODE_HEAVY}"
echo "token spans written: $spans with highlighting, $off_spans without"
echo "with highlighting:    median wall ${on} s, median CPU ${con} s   (wall, CPU of each run: $(tr '\n' ',' < "$work/on.txt"))"
echo "without highlighting: median wall ${off} s, median CPU ${coff} s   (wall, CPU of each run: $(tr '\n' ',' < "$work/off.txt"))"
echo "ratio with/without:   wall $(echo "scale=3; $on / $off" | bc), CPU $(echo "scale=3; $con / $coff" | bc)   (medians)"
# on a shared machine other load only adds time, so the fastest runs are a second estimate
mon=$(cut -d' ' -f1 "$work/on.txt" | sort -n | head -1); moff=$(cut -d' ' -f1 "$work/off.txt" | sort -n | head -1)
mcon=$(cut -d' ' -f2 "$work/on.txt" | sort -n | head -1); mcoff=$(cut -d' ' -f2 "$work/off.txt" | sort -n | head -1)
echo "fastest runs:         wall ${mon} / ${moff} s = $(echo "scale=3; $mon / $moff" | bc), CPU ${mcon} / ${mcoff} s = $(echo "scale=3; $mcon / $mcoff" | bc)"
