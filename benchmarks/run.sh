#!/usr/bin/env bash
# Issue 10's quick benchmark profile: builds the benchmarks, runs every JMH benchmark once
# (1 fork, short warm-up and measurement, -prof gc), times javac with and without the
# processor, and writes BENCHMARKS.md at the repository root. About 10 minutes on 2 cores.
#
#   benchmarks/run.sh                         # the documented run
#   WI=10 I=16 benchmarks/run.sh             # longer: warm-up / measured iterations (of 500 ms)
#   BENCH='Rosenbrock' benchmarks/run.sh      # a subset (a JMH regex); BENCHMARKS.md has only it
#
# The full ADBench instances are read from ../shared/adbench next to the repository root
# (or -Dleibniz.adbench=DIR through LEIBNIZ_ADBENCH=DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/benchmarks/target"

mvn -q -ntp ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests

jar="$out/benchmarks.jar"
data=()
jmhdata=()
if [ -n "${LEIBNIZ_ADBENCH:-}" ]; then
    data=("-Dleibniz.adbench=$LEIBNIZ_ADBENCH")
    jmhdata=(-jvmArgsAppend "-Dleibniz.adbench=$LEIBNIZ_ADBENCH")
fi

# -foe: a benchmark whose gradient disagrees with the hand-written one fails its @Setup,
# and the run stops there rather than time a wrong gradient.
java -jar "$jar" "${BENCH:-.*}" -f 1 -wi "${WI:-5}" -w "${W:-500ms}" -i "${I:-8}" -r "${R:-500ms}" \
    -foe true -prof gc "${jmhdata[@]}" -rf json -rff "$out/jmh.json" | tee "$out/jmh.log"

java -cp "$jar" dev.leibniz.benchmarks.ProcessorTime 200 "${JAVAC_WARMUP:-2}" "${JAVAC_REPS:-5}" \
    "$out/processor-time.properties"

java "${data[@]}" -cp "$jar" dev.leibniz.benchmarks.Report "$out/jmh.json" \
    "$out/processor-time.properties" "$root/BENCHMARKS.md" "benchmarks/run.sh"
