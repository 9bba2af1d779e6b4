#!/usr/bin/env python3
"""Writes a blog of N release-note posts and a few docs pages, for timing builds.

Usage: bench/gen-corpus.py N OUT [--docs D] [--seed S]

OUT/blog/*.md: posts with YAML front matter (layout, title, date, permalink; every 25th a draft,
some with commented-out preview keys and an image), and bodies with headings, paragraphs, lists,
tables, fenced code, entities and relative links to earlier published posts (some with #anchors
of their headings) and to docs. OUT/docs/*.md: docs pages with headings. OUT/blog/images: the
images posts name. Every relative link resolves, so a correct build reports no broken link.
The same N and seed give the same files.
"""
import argparse
import os
import random
from datetime import date, timedelta

VOCABULARY = ("relay queue server client release build network latency storage index cache "
              "feed draft preview layout template anchor heading permalink sitemap archive "
              "migration schema upgrade rollback deploy pipeline worker thread memory budget "
              "metric trace audit policy review patch branch commit tag version channel").split()
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
                    "0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a60000000049454e44ae426082")


def words(rng, low, high):
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(low, high)))


def sentence(rng):
    s = words(rng, 7, 16)
    return s[0].upper() + s[1:] + "."


def heading_id(text):
    return "-".join("".join(c for c in text.lower() if c.isalnum() or c == " ").split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("posts", type=int)
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "blog", "images"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "docs"), exist_ok=True)

    docs = []
    for d in range(a.docs):
        name = f"{words(rng, 1, 1).upper()}_{d}"
        sections = [f"{words(rng, 2, 4).capitalize()} {d} {k}" for k in range(4)]
        docs.append((name, sections))
        body = [f"# {name.title()}\n"]
        for s in sections:
            body.append(f"## {s}\n\n{sentence(rng)} {sentence(rng)}\n")
        open(os.path.join(a.out, "docs", name + ".md"), "w").write("\n".join(body))

    start = date(2018, 1, 1)
    published = []  # (file stem, headings)
    for i in range(a.posts):
        day = start + timedelta(days=i // 3)
        title = f"{words(rng, 2, 5).capitalize()} {i}"
        stem = f"{day:%Y%m%d}-{heading_id(title)}"
        draft = i % 25 == 24
        headings = [f"{words(rng, 2, 5).capitalize()} {i} {k}" for k in range(rng.randint(3, 6))]
        fm = ["---", "layout: layouts/article.html", f'title: "{title}"', f"date: {day}"]
        if i % 5 == 0:
            fm.append(f"# previewBody: blog_previews/{stem}.html")
        if i % 7 == 0:
            fm.append(f"image: images/{stem}.png")
            open(os.path.join(a.out, "blog", "images", stem + ".png"), "wb").write(PNG)
        if draft:
            fm.append("draft: true")
        fm.append(f'permalink: "/blog/{stem}.html"')
        fm.append("---\n")
        body = [f"# {title}\n", f"**Released:** {day:%b %d, %Y} &mdash; version {i // 10}.{i % 10}\n"]
        for h in headings:
            body.append(f"## {h}\n")
            for _ in range(rng.randint(2, 4)):
                extra = ""
                if published and rng.random() < 0.5:
                    target, their = rng.choice(published)
                    if rng.random() < 0.5:
                        extra = f" See [{words(rng, 2, 4)}](./{target}.md#{heading_id(rng.choice(their))})."
                    else:
                        extra = f" Read [the earlier post](./{target}.md)."
                elif rng.random() < 0.3:
                    name, sections = rng.choice(docs)
                    extra = f" The [guide](../docs/{name}.md#{heading_id(rng.choice(sections))}) has more."
                body.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) + extra + "\n")
            kind = rng.random()
            if kind < 0.3:
                body.append("\n".join(f"- {words(rng, 3, 8)}" for _ in range(rng.randint(3, 6))) + "\n")
            elif kind < 0.45:
                rows = "\n".join(f"| {words(rng, 1, 2)} | {rng.randint(1, 999)} | {words(rng, 2, 4)} |"
                                 for _ in range(rng.randint(2, 5)))
                body.append(f"| Name | Count | Notes |\n|:-----|------:|:-----:|\n{rows}\n")
            elif kind < 0.6:
                body.append("```yaml\n" + "\n".join(f"{w}: {rng.randint(0, 99)}" for w in
                                                   rng.sample(VOCABULARY, 4)) + "\n```\n")
        body.append(f"Questions? Write to the team at https://example.org/contact &amp; thank you.\n")
        open(os.path.join(a.out, "blog", stem + ".md"), "w").write("\n".join(fm) + "\n".join(body))
        if not draft:
            published.append((stem, headings))


if __name__ == "__main__":
    main()
