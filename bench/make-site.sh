#!/usr/bin/env bash
# Lays out a generated corpus as a sitegen site, keeping the corpus itself in OUT_DIR/corpus
# (for ../shared/bench/peers.sh). The generator is ../shared/bench/gen_corpus.py unless
# GEN_CORPUS names another with the same arguments, such as bench/gen-corpus.py.
#   bench/make-site.sh POSTS OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
posts="$1"; out="$2"
gen="${GEN_CORPUS:-$here/../shared/bench/gen_corpus.py}"
rm -rf "$out"; mkdir -p "$out/content" "$out/layouts"
python3 "$gen" "$posts" "$out/corpus" >/dev/null
cp -r "$out/corpus/blog" "$out/corpus/docs" "$out/content/"
if [ -d "$out/corpus/blog_previews" ]; then cp -r "$out/corpus/blog_previews" "$out/layouts/"; fi
cat > "$out/site.yml" <<'YML'
title: Bench
baseUrl: https://example.org
markdown:
  softBreaksAsBr: true
defaults:
  - scope: {path: docs}
    values: {layout: article, permalink: "/{path:lower}.html"}
YML
cat > "$out/layouts/article.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body><article><h1>{{ page.title }}</h1><time>{{ page.date }}</time>{{ page.content }}</article></body></html>
HTML
cat > "$out/layouts/blog.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body><ul>{% for p in paginator.posts %}<li><a href="{{ p.url }}">{{ p.title }}</a> {{ p.preview }}</li>{% endfor %}</ul>{% if paginator.next is not null %}<a href="{{ paginator.next }}">older</a>{% endif %}</body></html>
HTML
echo "$out"
