#!/usr/bin/env bash
# Hostile page sizes: one 5 MB post (50,000 paragraphs, 10,000 links, 5,000 headings) and one
# 40,000-item list, each built as a site of its own by ./site build and, where the Debian package
# hugo is installed, by Hugo in the same run, alternating. Prints the median wall time and peak
# memory of RUNS builds (default 3). SITE names another launcher or jar command to compare, e.g.
#   SITE="java -jar /tmp/old/generator.jar" bench/hostile.sh
# Not part of the tests; SecurityTest holds the same two pages to a bound of seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
site_cmd="${SITE:-$here/site}"
work="$(mktemp -d /tmp/sitegen-hostile-XXXX)"
trap 'rm -rf "$work"' EXIT
[ -z "${SITE:-}" ] && "$here/site" --version >/dev/null   # builds the generator and its class archive first
# Every run does the whole work: without --no-cache the second run would find nothing changed.
no_cache=""; $site_cmd build --help 2>/dev/null | grep -q -- --no-cache && no_cache="--no-cache"

# write_page KIND FILE: the Markdown body of the hostile page, after its front matter
write_page() {
  python3 - "$1" "$2" <<'PY'
import sys
kind, path = sys.argv[1], sys.argv[2]
out = ["---", "title: Hostile", "date: 2024-02-01", "---", ""]
if kind == "big":
    for i in range(50_000):
        if i % 10 == 0:
            out.append(f"## Part {i}\n")
        out.append(f"Paragraph {i} with [a link](#part-{i - i % 10}) and some ordinary words to fill a line.\n")
else:
    out += ["- item with a few words"] * 40_000
open(path, "w").write("\n".join(out) + "\n")
PY
}

for kind in big list; do
  ours="$work/ours-$kind"; hugo_site="$work/hugo-$kind"
  mkdir -p "$ours/content/blog" "$ours/layouts" "$hugo_site/content/posts" "$hugo_site/layouts/_default"
  write_page "$kind" "$ours/content/blog/page.md"
  cp "$ours/content/blog/page.md" "$hugo_site/content/posts/page.md"
  printf 'title: Bench\nbaseUrl: https://example.org\ndefaults:\n  - scope: {path: blog}\n    values: {layout: article}\n' > "$ours/site.yml"
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>{{ page.content }}</body></html>' > "$ours/layouts/article.html"
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>{% for p in paginator.posts %}{{ p.title }}{% endfor %}</body></html>' > "$ours/layouts/blog.html"
  printf 'baseURL = "https://example.org/"\ntitle = "Bench"\n' > "$hugo_site/hugo.toml"
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>' > "$hugo_site/layouts/_default/single.html"
  echo '<!DOCTYPE html><html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>' > "$hugo_site/layouts/_default/list.html"
  : > "$work/t-ours"; : > "$work/t-hugo"
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -a -o "$work/t-ours" $site_cmd build -q $no_cache -s "$ours" >/dev/null
    if command -v hugo >/dev/null; then
      /usr/bin/time -f "%e %M" -a -o "$work/t-hugo" hugo --quiet -s "$hugo_site" -d "$hugo_site/public" >/dev/null
    fi
  done
  median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
  size=$(du -k "$ours/content/blog/page.md" | cut -f1)
  line="$kind ($size KB): ours $(cut -d' ' -f1 "$work/t-ours" | median) s, $(( $(cut -d' ' -f2 "$work/t-ours" | median | cut -d. -f1) / 1024 )) MB"
  if [ -s "$work/t-hugo" ]; then
    line="$line; hugo $(cut -d' ' -f1 "$work/t-hugo" | median) s, $(( $(cut -d' ' -f2 "$work/t-hugo" | median | cut -d. -f1) / 1024 )) MB"
  fi
  echo "$line"
done
