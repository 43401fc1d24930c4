#!/usr/bin/env bash
# P5: application context start-up of the same small MVC app with the starter on the classpath (client and webhook
# endpoint configured) and without it; median of RUNS starts each, alternating so that drift hits both sides alike.
# Then one more start each with -Xlog:class+load counts the classes loaded and the beans defined: figures that do not
# depend on the machine's load. Then STEPS starts each with Spring's start-up steps recorded print what the starter's
# own beans cost (their steps' own time, mean over the starts) and the largest differences between the two sides.
#   benchmarks/startup/startup.sh             (RUNS=11 STEPS=5 TOP=8: how many step differences to print)
# EXCLUDED=1 adds a third side to the timed starts: the starter on the classpath with all its auto-configurations
# excluded, which separates what being on the classpath costs from what the auto-configurations do.
# Each start binds 127.0.0.1 on a random port, exits by itself and is killed after 120 s at the latest.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS="${RUNS:-11}"
STEPS="${STEPS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT INT TERM

if [ ! -f benchmarks/target/classpath.txt ] || [ "${BUILD:-1}" = "1" ]; then
  ./mvnw -o -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
WITH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
# the same classpath less the starter and its auto-configuration
WITHOUT="$(echo "${WITH}" | tr ':' '\n' | grep -v -e 'interactor-spring-boot-autoconfigure' -e 'interactor-spring-boot-starter' | paste -sd: -)"

run() { # classpath [java options...] -> the app's "STARTUP_MS <ms> beans <n>" line (and its STEP lines)
  local classpath="$1"
  shift
  timeout 120 java -XX:TieredStopAtLevel=1 "$@" -cp "${classpath}" \
    io.interactor.spring.benchmarks.startup.StartupApplication \
    --server.address=127.0.0.1 --server.port=0 --logging.level.root=warn \
    --interactor.client-id=client_startup --interactor.client-secret=secret_startup \
    --interactor.webhook.secret=whsec_startup --interactor.webhook.idempotency.store=memory ${APP_ARGS:-} \
    | grep -E '^(STARTUP_MS|STEP) '
}

start() { # classpath -> prints milliseconds
  run "$1" | awk '$1 == "STARTUP_MS" {print $2}'
}

classes() { # classpath side -> prints "<classes loaded> classes, <beans> beans"
  local beans
  beans="$(run "$1" "-Xlog:class+load=info:file=${work}/$2.classes" | awk '$1 == "STARTUP_MS" {print $4}')"
  echo "$(grep -c ' source: ' "${work}/$2.classes") classes, ${beans} beans"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# the starter's auto-configurations, to exclude them all on the third side (EXCLUDED=1)
EXCLUDE="--spring.autoconfigure.exclude=$(paste -sd, \
  interactor-spring-boot-autoconfigure/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports)"

start "${WITH}" > /dev/null; start "${WITHOUT}" > /dev/null # warm the page cache
for _ in $(seq 1 "${RUNS}"); do
  start "${WITH}" >> "${work}/with"
  start "${WITHOUT}" >> "${work}/without"
  if [ "${EXCLUDED:-0}" = "1" ]; then
    APP_ARGS="${EXCLUDE}" start "${WITH}" >> "${work}/excluded"
  fi
done
with="$(median < "${work}/with")"
without="$(median < "${work}/without")"
echo "| P5 | start-up, median of ${RUNS} | with starter ${with} ms | without ${without} ms | $(printf "%+d" $((with - without))) ms |"
echo "  with: $(paste -sd' ' "${work}/with")  without: $(paste -sd' ' "${work}/without")"
if [ "${EXCLUDED:-0}" = "1" ]; then
  excluded="$(median < "${work}/excluded")"
  echo "  starter on the classpath, its auto-configurations excluded: ${excluded} ms, $(printf "%+d" $((excluded - without))) ms" \
    "($(paste -sd' ' "${work}/excluded"))"
fi
echo "  loaded by one start: with starter $(classes "${WITH}" with)  without $(classes "${WITHOUT}" without)"

if [ "${STEPS}" -gt 0 ]; then
  for _ in $(seq 1 "${STEPS}"); do
    run "${WITH}" -Dstartup.steps=true | awk '$1 == "STEP" {print "with", $2, $3, $4}' >> "${work}/steps"
    run "${WITHOUT}" -Dstartup.steps=true | awk '$1 == "STEP" {print "without", $2, $3, $4}' >> "${work}/steps"
  done
  # own time of each step (nested steps subtracted), mean per start, with minus without
  awk -v n="${STEPS}" '{ d[$3 " " $4] += ($1 == "with") ? $2 : -$2 }
    END { for (k in d) printf "%.1f %s\n", d[k] / n / 1000, k }' "${work}/steps" | sort -rn > "${work}/steps.diff"
  echo "  Spring start-up steps, own time, mean of ${STEPS} starts each, with minus without:" \
    "the starter's beans $(awk '$3 ~ /[Ii]nteractor/ {s += $1} END {printf "%.0f", s}' "${work}/steps.diff") ms," \
    "all steps $(awk '{s += $1} END {printf "%+.0f", s}' "${work}/steps.diff") ms; largest:"
  head -"${TOP:-8}" "${work}/steps.diff" | sed 's/^/    +/'
fi
