#!/usr/bin/env bash
# Runs every test of the repository, what CI runs (.ci/run):
#   1. the whole build: every module's tests, the TCK on Weld, the resource adapter's Java SE tests;
#   2. the TCK and the resource adapter's deployment tests on a managed WildFly 37;
#   3. the TCK on Payara Micro 6 and the resource adapter's deployment tests on Payara Server 6.
# The container runs download their servers on first use (WildFly ~260 MB, Payara Micro ~100 MB, Payara Server
# ~150 MB, from Maven Central). Each container
# must run tests: a run where one of them ran none (a filter that matches nothing, a skipped profile) fails, since
# Maven alone would pass it. Extra arguments go to every Maven invocation (e.g. -o).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

mvn() {
    ./mvnw -B "$@"
}

# How many tests ran (not skipped) according to the surefire reports in the folder given.
tests_run() {
    local total=0 file line tests skipped
    for file in "$1"/TEST-*.xml; do
        [ -e "$file" ] || continue
        line=$(grep -m1 '<testsuite' "$file")
        tests=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$line")
        skipped=$(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$line")
        total=$((total + ${tests:-0} - ${skipped:-0}))
    done
    echo "$total"
}

# Fails unless the module's last run ran at least one test.
require_tests() {
    local what="$1" module="$2" count
    count=$(tests_run "$module/target/surefire-reports")
    echo "== $what: $count tests ran"
    if [ "$count" -eq 0 ]; then
        echo "FAILED: $what ran no test" >&2
        exit 1
    fi
}

# Reports of an earlier run must not count for the next one.
forget_reports() {
    rm -rf tck/target/surefire-reports tcp-resource-adapter/rar-it/target/surefire-reports
}

forget_reports
mvn verify "$@"
require_tests "the TCK on Weld" tck
require_tests "the resource adapter in Java SE" tcp-resource-adapter/rar

# -am builds what the TCK and the deployment tests need; the filter keeps the upstream modules' tests, which the
# first run ran, from running again, and require_tests catches a filter that would match nothing.
forget_reports
mvn verify -Pwildfly -pl tck,tcp-resource-adapter/rar-it -am -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='dev.junction.tck.**,dev.junction.tcp.adapter.it.**' "$@"
require_tests "the TCK on WildFly" tck
require_tests "the resource adapter deployed on WildFly" tcp-resource-adapter/rar-it

forget_reports
mvn verify -Ppayara -pl tck,tcp-resource-adapter/rar-it -am -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='dev.junction.tck.**,dev.junction.tcp.adapter.it.**' "$@"
require_tests "the TCK on Payara Micro" tck
require_tests "the resource adapter deployed on Payara Server" tcp-resource-adapter/rar-it

echo "== every test passed"
