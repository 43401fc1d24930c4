#!/usr/bin/env bash
# P2: webhook endpoint req/s vs a bare @PostMapping in the same app, 1 KiB distinct validly signed deliveries,
# 16 connections over loopback, with the in-memory store and with the Redis store (127.0.0.1:6379).
# Starts the app itself on 127.0.0.1, runs a bounded time per side and stops everything it started.
#   benchmarks/load/webhook-load.sh    (DURATION=10s WARMUP=10s ROUNDS=2 COUNT=300000 STORES="memory redis")
# Each round loads the bare path, then the webhook path, for DURATION each; a side's figure is its mean over the
# rounds, so that JIT warm-up and drift do not favour the side measured last.
# Needs wrk (Debian package "wrk") and, for the Redis side, redis-server listening on 127.0.0.1:6379 (or REDIS_URL).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
ROUNDS="${ROUNDS:-2}"
COUNT="${COUNT:-300000}"
STORES="${STORES:-memory redis}"
PORT="${PORT:-18080}"
CONNECTIONS=16
export WRK_THREADS=2
SECRET="whsec_load_benchmark_secret"
RUN_ID="$(date +%s)"

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [ -n "${app_pid}" ]; then kill "${app_pid}" 2>/dev/null || true; wait "${app_pid}" 2>/dev/null || true; fi
  rm -rf "${work}"
}
trap cleanup EXIT INT TERM

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ ! -f benchmarks/target/classpath.txt ] || [ "${BUILD:-1}" = "1" ]; then
  ./mvnw -o -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

generate() { # count file
  java -cp "${CP}" io.interactor.spring.benchmarks.load.DeliveryGenerator "$1" "${SECRET}" "$2"
}

load() { # path duration file -> prints req/s
  DELIVERIES="$3" timeout 300 wrk -t "${WRK_THREADS}" -c "${CONNECTIONS}" -d "$2" -s benchmarks/load/deliveries.lua \
    "http://127.0.0.1:${PORT}$1" > "${work}/wrk.out"
  grep -q "non-200: 0 of" "${work}/wrk.out" || { echo "failed requests on $1:" >&2; cat "${work}/wrk.out" >&2; }
  # every delivery is sent once: a side that used them all up measured the generator, not itself
  if [ "$3" != "${work}/warm.tsv" ] && [ "$(awk '/^non-200:/ {print $4}' "${work}/wrk.out")" -ge "$(wc -l < "$3")" ]; then
    echo "all $(wc -l < "$3") deliveries were sent before $2 had passed on $1: the rate is capped, raise COUNT" >&2
  fi
  awk '/Requests\/sec/ {print $2}' "${work}/wrk.out"
}

for store in ${STORES}; do
  # shellcheck disable=SC2086
  java -Xms512m -Xmx512m ${APP_JAVA_OPTS:-} -cp "${CP}" io.interactor.spring.benchmarks.load.WebhookLoadApplication \
    --server.address=127.0.0.1 --server.port="${PORT}" \
    --interactor.webhook.secret="${SECRET}" \
    --interactor.webhook.idempotency.store="${store}" \
    --interactor.webhook.idempotency.ttl=10m \
    --interactor.webhook.idempotency.key-prefix="interactor:bench:${RUN_ID}:" \
    --spring.data.redis.url="${REDIS_URL:-redis://127.0.0.1:6379}" \
    --logging.level.root=warn > "${work}/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -X POST -d '{}' "http://127.0.0.1:${PORT}/bare" && break
    kill -0 "${app_pid}" 2>/dev/null || { cat "${work}/app.log" >&2; exit 1; }
    sleep 0.5
  done

  generate 50000 "${work}/warm.tsv"
  load /webhooks/interactor "${WARMUP}" "${work}/warm.tsv" > /dev/null
  load /bare "${WARMUP}" "${work}/warm.tsv" > /dev/null
  : > "${work}/webhook.rates"; : > "${work}/bare.rates"
  for _ in $(seq 1 "${ROUNDS}"); do
    generate "${COUNT}" "${work}/deliveries.tsv"
    load /bare "${DURATION}" "${work}/deliveries.tsv" >> "${work}/bare.rates"
    load /webhooks/interactor "${DURATION}" "${work}/deliveries.tsv" >> "${work}/webhook.rates"
  done
  webhook="$(awk '{s += $1} END {printf "%.0f", s / NR}' "${work}/webhook.rates")"
  bare="$(awk '{s += $1} END {printf "%.0f", s / NR}' "${work}/bare.rates")"
  ratio="$(awk -v a="${webhook}" -v b="${bare}" 'BEGIN {printf "%.2f", a / b}')"
  echo "| P2 | ${store} store, ${ROUNDS} rounds | webhook ${webhook} req/s ($(paste -sd' ' "${work}/webhook.rates")) | bare @PostMapping ${bare} req/s ($(paste -sd' ' "${work}/bare.rates")) | ${ratio} |"

  kill "${app_pid}"; wait "${app_pid}" 2>/dev/null || true; app_pid=""
  rm -f "${work}"/*.tsv
done
