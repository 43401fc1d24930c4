#!/usr/bin/env bash
# Runs every measure of benchmarks/README.md with short but meaningful settings (about 10 minutes on a quiet
# 2-core machine) and prints the table rows. Everything binds 127.0.0.1 and is stopped when the script ends.
#   benchmarks/run-all.sh                  (JMH="-wi 3 -w 2 -i 5 -r 2 -f 1" to override JMH's settings,
#                                           PARTS="p1 p3" to run some measures only)
# Needs: JDK 17, wrk, redis-server on 127.0.0.1:6379 (for P2's Redis side).
set -euo pipefail
cd "$(dirname "$0")/.."

JMH="${JMH:--wi 3 -w 2 -i 5 -r 2 -f 1}"
PARTS=" ${PARTS:-p1 p3 p4 p6 p7 p2 p5} "
want() { [[ "${PARTS}" == *" $1 "* ]]; }
out="benchmarks/target/run-all"
mkdir -p "${out}"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"

./mvnw -o -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
export BUILD=0

jmh() { # name regexp [extra jmh args...]
  local name="$1" pattern="$2"; shift 2
  # shellcheck disable=SC2086
  java -cp "${CP}" org.openjdk.jmh.Main "${pattern}" ${JMH} -bm thrpt -tu ms -rf csv -rff "${out}/${name}.csv" "$@" \
    > "${out}/${name}.log" 2>&1 || { tail -30 "${out}/${name}.log" >&2; return 1; }
}

# score ± error of one benchmark (method name, optional param value) from a JMH CSV
score() { # csv method [param]
  awk -F, -v m="$2" -v p="${3:-}" '
    NR > 1 { sub(/\r$/, ""); gsub(/"/, ""); name = $1; sub(/.*\./, "", name)
             if (name == m && (p == "" || $8 == p)) { printf "%.4g %.2g\n", $5, $6 } }' "$1" | head -1
}

row() { # id what csv ours peer unit [param]
  local a b
  a=($(score "$3" "$4" "${7:-}") - -); b=($(score "$3" "$5" "${7:-}") - -)
  echo "| $1 | $2 | $4 ${a[0]} ± ${a[1]} $6 | $5 ${b[0]} ± ${b[1]} $6 | $(awk -v x="${a[0]}" -v y="${b[0]}" 'BEGIN {printf "%.2f", x / y}') |"
}

echo "| id | measure | ours | peer / limit | ratio |"
echo "|---|---|---|---|---|"

if want p1; then
jmh p1 'WebhookVerificationBenchmark'
for size in 1024 65536; do
  for peer in limit limitWithHeaderParse stripe standardWebhooks; do
    row P1 "verify, ${size} B body" "${out}/p1.csv" starter "${peer}" ops/ms "${size}"
  done
done
fi

if want p3; then
jmh p3 'ClientCallBenchmark'
row P3 "assistants().get" "${out}/p3.csv" starterGet handWrittenGet ops/ms
fi

if want p4; then
timeout 300 ./mvnw -o -q -pl benchmarks -am test -Dtest=ColdClientTokenRequestTests \
  -Dsurefire.failIfNoSpecifiedTests=false > "${out}/p4-test.log" 2>&1 \
  && echo "| P4 | token requests for 1000 concurrent calls, cold client | 1 (ColdClientTokenRequestTests passed) | — | — |" \
  || echo "| P4 | token requests for 1000 concurrent calls, cold client | ColdClientTokenRequestTests FAILED, see ${out}/p4-test.log | — | — |"
jmh p4 'TokenProviderBenchmark' -prof gc
echo "| P4 | cached token, 4 threads | $(score "${out}/p4.csv" cachedToken | awk '{print $1 " ± " $2}') ops/ms, $(awk -F, '/cachedToken:gc.alloc.rate.norm/ {sub(/\r$/, ""); gsub(/"/, ""); printf "%.1f", $5}' "${out}/p4.csv") B/op | — | — |"
fi

if want p6; then
jmh p6 'IdempotencyStoreBenchmark'
row P6 "claim+complete at 100k keys, 2 threads" "${out}/p6.csv" store concurrentHashMap ops/ms
java -Xmx2g -cp "${CP}" io.interactor.spring.benchmarks.StoreFootprint | sed 's/^/  /'
fi

if want p7; then
jmh p7 'StreamBenchmark'
row P7 "SSE events, rooms().stream" "${out}/p7.csv" starterStream rawStream events/ms
fi

if want p2; then benchmarks/load/webhook-load.sh; fi
if want p5; then benchmarks/startup/startup.sh; fi
echo "load after: $(uptime)"
