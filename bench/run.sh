#!/usr/bin/env bash
# Build speed for each size: bench/cache.sh for N posts (cold, warm, one post changed, one layout
# changed, with Hugo, Eleventy and Jekyll in the same run), one size after another. The 40,000-post
# builds run with the heap capped at 1 GB (-Xmx1g), as the pipeline issue asks.
#   bench/run.sh [N ...]          (default: 200 4000; RUNS=3 rounds of each)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh 200     (ours on JDK 25)
# Not part of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(200 4000)
for n in "${sizes[@]}"; do
  opts="${SITE_JAVA_OPTS:-}"; [ "$n" -ge 40000 ] && opts="$opts -Xmx1g"
  SITE_JAVA_OPTS="$opts" "$here/bench/cache.sh" "$n"
  echo
done
