#!/usr/bin/env bash
# The operator benchmark (docs/benchmarks.md, "Operator"): builds the reactor, then runs
# io.shardrun.operator.bench.OperatorBench in its own JVM (not Maven's, whose objects would count in
# the heap figures). Arguments go to the benchmark: [--shards 1,50,200] [--runs 5] [--testruns 500].
# MVN_FLAGS adds Maven options, e.g. MVN_FLAGS=-o for an offline build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} install -DskipTests
deps=$(mktemp)
trap 'rm -f "$deps"' EXIT
# Third-party jars from the repository; this checkout's own modules from their target folders.
# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -pl operator dependency:build-classpath -Dmdep.includeScope=test -DexcludeGroupIds=io.shardrun \
  -Dmdep.outputFile="$deps"
own=operator/target/test-classes:operator/target/classes:core/target/classes:crd/target/classes
exec java -cp "$own:$(cat "$deps")" io.shardrun.operator.bench.OperatorBench "$@"
