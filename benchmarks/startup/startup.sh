#!/usr/bin/env bash
# P5: application context start-up of the same small MVC app with the starter on the classpath (client and webhook
# endpoint configured) and without it; median of RUNS starts each, alternating so that drift hits both sides alike.
#   benchmarks/startup/startup.sh             (RUNS=11)
# Each start binds 127.0.0.1 on a random port, exits by itself and is killed after 120 s at the latest.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS="${RUNS:-11}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT INT TERM

if [ ! -f benchmarks/target/classpath.txt ] || [ "${BUILD:-1}" = "1" ]; then
  ./mvnw -o -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
WITH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
# the same classpath less the starter and its auto-configuration
WITHOUT="$(echo "${WITH}" | tr ':' '\n' | grep -v -e 'interactor-spring-boot-autoconfigure' -e 'interactor-spring-boot-starter' | paste -sd: -)"

start() { # classpath -> prints milliseconds
  timeout 120 java -XX:TieredStopAtLevel=1 -cp "$1" io.interactor.spring.benchmarks.startup.StartupApplication \
    --server.address=127.0.0.1 --server.port=0 --logging.level.root=warn \
    --interactor.client-id=client_startup --interactor.client-secret=secret_startup \
    --interactor.webhook.secret=whsec_startup --interactor.webhook.idempotency.store=memory \
    | awk '/^STARTUP_MS/ {print $2}'
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

start "${WITH}" > /dev/null; start "${WITHOUT}" > /dev/null # warm the page cache
for _ in $(seq 1 "${RUNS}"); do
  start "${WITH}" >> "${work}/with"
  start "${WITHOUT}" >> "${work}/without"
done
with="$(median < "${work}/with")"
without="$(median < "${work}/without")"
echo "| P5 | start-up, median of ${RUNS} | with starter ${with} ms | without ${without} ms | +$((with - without)) ms |"
echo "  with: $(paste -sd' ' "${work}/with")  without: $(paste -sd' ' "${work}/without")"
