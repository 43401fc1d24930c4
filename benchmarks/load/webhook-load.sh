#!/usr/bin/env bash
# P2: webhook endpoint req/s vs a bare @PostMapping in the same app, 1 KiB distinct validly signed deliveries,
# 16 connections over loopback, with the in-memory store and with the Redis store (127.0.0.1:6379).
# Starts the app itself on 127.0.0.1, runs a bounded time per side and stops everything it started.
#   benchmarks/load/webhook-load.sh    (DURATION=10s WARMUP=10s ROUNDS=2 COUNT=300000 STORES="memory redis")
# Each round loads the bare path, then the webhook path, for DURATION each; a side's figure is its mean over the
# rounds, so that JIT warm-up and drift do not favour the side measured last.
# Each side's CPU time per request is printed too (the app's, from /proc, JIT and GC threads included; Redis's, from
# INFO cpu, when redis-cli is installed), and the app's context switches per request: unlike req/s they hardly depend
# on what else the machine runs, so they bound a ratio on a shared host.
# APP_CPUS pins the app to those CPUs after its warm-up (taskset -c; warming up on every core lets the JIT compile
# before the rounds), so that it keeps them to itself while wrk and Redis run on the others, as with Redis on another
# host: "taskset -c 1 redis-server --port 6390" and
# "REDIS_URL=redis://127.0.0.1:6390 APP_CPUS=0 taskset -c 1 benchmarks/load/webhook-load.sh".
# REDIS_CLIENT=jedis runs the app with Jedis (pooled, blocking I/O on the request thread) instead of Lettuce, Spring
# Boot's default (one shared connection, answers handed over by its event loop); the starter works with either.
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
REDIS_CLIENT="${REDIS_CLIENT:-lettuce}"
case "${REDIS_CLIENT}" in
  lettuce) classpath=classpath.txt; profile="-o" ;;
  jedis) classpath=classpath-jedis.txt; profile="-Pjedis" ;; # online: the build does not resolve Jedis
  *) echo "REDIS_CLIENT must be lettuce or jedis" >&2; exit 1 ;;
esac
if [ ! -f "benchmarks/target/${classpath}" ] || [ "${BUILD:-1}" = "1" ]; then
  # shellcheck disable=SC2086
  ./mvnw -q -pl benchmarks -am ${profile} compile dependency:build-classpath -Dmdep.outputFile="target/${classpath}"
fi
CP="benchmarks/target/classes:$(cat "benchmarks/target/${classpath}")"

generate() { # count file
  java -cp "${CP}" io.interactor.spring.benchmarks.load.DeliveryGenerator "$1" "${SECRET}" "$2"
}

app_cpu() { # -> the app's user + system CPU time so far, in microseconds
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000000 / tck}' "/proc/${app_pid}/stat"
}

app_switches() { # -> the context switches of the app's threads so far (of the threads alive now)
  cat "/proc/${app_pid}"/task/*/status 2> /dev/null | awk '/^(non)?voluntary_ctxt_switches:/ {s += $2} END {print s}'
}

redis_cpu() { # -> Redis's user + system CPU time so far, in microseconds (0 without redis-cli or Redis)
  local info=""
  if command -v redis-cli > /dev/null; then
    info="$(redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" info cpu 2> /dev/null || true)"
  fi
  echo "${info}" | tr -d '\r' | awk -F: '/^used_cpu_(user|sys):/ {s += $2} END {printf "%.0f", s * 1000000}'
}

load() { # path duration file [cpu file] -> prints req/s; appends "<app µs> <redis µs> <requests> <switches>" to it
  local app_before redis_before switches_before
  app_before="$(app_cpu)"; redis_before="$(redis_cpu)"; switches_before="$(app_switches)"
  DELIVERIES="$3" timeout 300 wrk -t "${WRK_THREADS}" -c "${CONNECTIONS}" -d "$2" -s benchmarks/load/deliveries.lua \
    "http://127.0.0.1:${PORT}$1" > "${work}/wrk.out"
  grep -q "non-200: 0 of" "${work}/wrk.out" || { echo "failed requests on $1:" >&2; cat "${work}/wrk.out" >&2; }
  # every delivery is sent once: a side that used them all up measured the generator, not itself
  if [ "$3" != "${work}/warm.tsv" ] && [ "$(awk '/^non-200:/ {print $4}' "${work}/wrk.out")" -ge "$(wc -l < "$3")" ]; then
    echo "all $(wc -l < "$3") deliveries were sent before $2 had passed on $1: the rate is capped, raise COUNT" >&2
  fi
  if [ -n "${4:-}" ]; then
    echo "$(($(app_cpu) - app_before)) $(($(redis_cpu) - redis_before))" \
      "$(awk '/requests in/ {print $1}' "${work}/wrk.out") $(($(app_switches) - switches_before))" >> "$4"
  fi
  awk '/Requests\/sec/ {print $2}' "${work}/wrk.out"
}

per_request() { # cpu file column [format] -> prints that column's total per request
  awk -v c="$2" -v f="${3:-%.0f}" '{t += $c; n += $3} END {printf f, t / n}' "$1"
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
    --spring.data.redis.client-type="${REDIS_CLIENT}" --spring.data.redis.jedis.pool.max-active=32 \
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
  if [ -n "${APP_CPUS:-}" ]; then
    taskset -a -p -c "${APP_CPUS}" "${app_pid}" > /dev/null
  fi
  : > "${work}/webhook.rates"; : > "${work}/bare.rates"; : > "${work}/webhook.cpu"; : > "${work}/bare.cpu"
  for _ in $(seq 1 "${ROUNDS}"); do
    generate "${COUNT}" "${work}/deliveries.tsv"
    load /bare "${DURATION}" "${work}/deliveries.tsv" "${work}/bare.cpu" >> "${work}/bare.rates"
    load /webhooks/interactor "${DURATION}" "${work}/deliveries.tsv" "${work}/webhook.cpu" >> "${work}/webhook.rates"
  done
  webhook="$(awk '{s += $1} END {printf "%.0f", s / NR}' "${work}/webhook.rates")"
  bare="$(awk '{s += $1} END {printf "%.0f", s / NR}' "${work}/bare.rates")"
  ratio="$(awk -v a="${webhook}" -v b="${bare}" 'BEGIN {printf "%.2f", a / b}')"
  echo "| P2 | ${store} store, ${ROUNDS} rounds | webhook ${webhook} req/s ($(paste -sd' ' "${work}/webhook.rates")) | bare @PostMapping ${bare} req/s ($(paste -sd' ' "${work}/bare.rates")) | ${ratio} |"
  echo "  CPU per request: app webhook $(per_request "${work}/webhook.cpu" 1) µs, bare $(per_request "${work}/bare.cpu" 1) µs;" \
    "Redis during webhook $(per_request "${work}/webhook.cpu" 2) µs, during bare $(per_request "${work}/bare.cpu" 2) µs;" \
    "app context switches webhook $(per_request "${work}/webhook.cpu" 4 %.2f), bare $(per_request "${work}/bare.cpu" 4 %.2f)"

  kill "${app_pid}"; wait "${app_pid}" 2>/dev/null || true; app_pid=""
  rm -f "${work}"/*.tsv
done
