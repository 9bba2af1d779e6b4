#!/usr/bin/env bash
# Times a build of N generated posts (bench/gen-corpus.py) under the JVM at JAVA_HOME (or java on
# the PATH) with: no class archive, an archive trained on the sample site alone, one trained by
# io.sitegen.training.Train (sample site plus POSTS generated posts), all with C1 only, and the
# trained one with tiered C2 as well. Runs alternate; prints the median wall time of RUNS (default 5) for each, and the
# median CPU time (user + system), which another load on the machine disturbs less. How the
# launcher's JIT mode and training were chosen.
#   bench/archive-modes.sh [N] [POSTS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-4000}"; posts="${2:-500}"; runs="${RUNS:-5}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$here/generator/target/generator.jar"
"$here/site" --version >/dev/null
work="$(mktemp -d /tmp/sitegen-modes-XXXX)"
trap 'rm -rf "$work"' EXIT
GEN_CORPUS="$here/bench/gen-corpus.py" "$here/bench/make-site.sh" "$n" "$work/site" >/dev/null
# the corpus dates three posts a day from 2018 (in late 2026, past about 9,700 posts that is after
# today): --future builds those posts too
feature=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
base=(-XX:+UseParallelGC '-Xlog:cds*=off')
if [ "$feature" -ge 24 ]; then ext=aot; rec=-XX:AOTCacheOutput=; use=-XX:AOTCache=; else ext=jsa; rec=-XX:ArchiveClassesAtExit=; use=-XX:SharedArchiveFile=; fi
"$java" -XX:TieredStopAtLevel=1 "${base[@]}" "$rec$work/sample.$ext" -jar "$jar" build -q -s "$here" -o "$work/t1" >/dev/null 2>&1
mkdir "$work/t2"
/usr/bin/time -f "training run: %e s" "$java" -XX:TieredStopAtLevel=1 "${base[@]}" "$rec$work/trained.$ext" \
  -cp "$jar" io.sitegen.training.Train "$here" "$work/t2" "$posts" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
configs=("none c1" "sample c1" "trained c1" "trained tiered")
for i in $(seq "$runs"); do
  for c in "${configs[@]}"; do
    set -- $c
    opts=("${base[@]}")
    [ "$2" = c1 ] && opts+=(-XX:TieredStopAtLevel=1)
    [ "$1" != none ] && opts+=("$use$work/$1.$ext")
    /usr/bin/time -f "%e %U %S" -a -o "$work/${1}-$2" "$java" "${opts[@]}" -jar "$jar" build -q --future -s "$work/site" -o "$work/out" >/dev/null
  done
done
echo "JDK $feature, $n posts, median of $runs: wall s, cpu s (each run's wall)"
for c in "${configs[@]}"; do
  set -- $c
  printf "  %-8s %-7s %6s %6s   (%s)\n" "$1" "$2" "$(cut -d' ' -f1 "$work/$1-$2" | median)" \
    "$(awk '{print $2 + $3}' "$work/$1-$2" | median)" "$(cut -d' ' -f1 "$work/$1-$2" | tr '\n' ' ')"
done
