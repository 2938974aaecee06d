# Shared by the hack/bench/ scripts (sourced): machine description, builds, an in-memory MongoDB,
# and the paired-leg runner. Every figure is a ratio of two legs run alternately (A B, then B A, ...)
# in the same minutes, so load from other work on the machine hits both legs alike.
# shellcheck shell=bash

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BENCH_WORK="${BENCH_WORK:-$(mktemp -d)}"
BENCH_RESULTS="${BENCH_RESULTS:-$BENCH_ROOT/target/bench-results.md}"
mkdir -p "$(dirname "$BENCH_RESULTS")"

bench_cleanup() {
  if [[ -n "${BENCH_MONGO_PID:-}" ]]; then
    exec {BENCH_MONGO_IN}>&- 2>/dev/null || true
    kill "$BENCH_MONGO_PID" 2>/dev/null || true
    wait "$BENCH_MONGO_PID" 2>/dev/null || true
  fi
  [[ "${BENCH_KEEP:-}" == 1 ]] || rm -rf "$BENCH_WORK"
}
trap bench_cleanup EXIT

bench_machine() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
  echo "ffmpeg: $(ffmpeg -hide_banner -version | head -1 | cut -d' ' -f1-3); java: $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_video SECONDS AUDIO_CODEC FILE: a test video (320x240 MPEG-4 at a constant 1300 kb/s, moov
# at the end, as most cameras write it) with a 440 Hz track in AUDIO_CODEC (aac or libmp3lame).
bench_video() {
  local seconds="$1" codec="$2" file="$3"
  [[ -s "$file" ]] && return
  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -f lavfi -i "sine=frequency=440:duration=${seconds}" \
    -f lavfi -i "testsrc=size=320x240:rate=25:duration=${seconds}" \
    -c:v mpeg4 -b:v 1300k -minrate 1300k -maxrate 1300k -bufsize 1300k \
    -c:a "$codec" -b:a 128k -shortest "$file"
}

# Builds the modules given (reactor, no install) unless BENCH_NO_BUILD=1.
bench_build() {
  [[ "${BENCH_NO_BUILD:-}" == 1 ]] && return
  (cd "$BENCH_ROOT" && mvn -B -q -ntp -pl "$1" -am package -DskipTests)
}

bench_jar() {
  ls "$BENCH_ROOT/$1/target/$1"-*.jar | grep -v -e sources -e original -e plain | head -1
}

# The operator as its image holds it: $BENCH_WORK/app/operator.jar and the converter's layout
# $BENCH_WORK/app/operator/ (app.jar, lib/, converter.jsa: hack/images/converter-layout.sh).
bench_unpack_operator() {
  local app="$BENCH_WORK/app"
  rm -rf "$app" && mkdir -p "$app"
  cp "$(bench_jar operator)" "$app/operator.jar"
  "$BENCH_ROOT/hack/images/converter-layout.sh" unpack "$app/operator.jar" "$app/operator"
  "$BENCH_ROOT/hack/images/converter-layout.sh" dump "$app/operator"
}

# Starts BenchMongo (lib/BenchMongo.java) on the operator's classpath plus mongo-java-server.
bench_mongo_start() {
  local m2="${MAVEN_REPO:-$HOME/.m2/repository}/de/bwaldvogel" version=1.47.0
  local cp="$BENCH_WORK/app/operator/lib/*:$m2/mongo-java-server-core/$version/mongo-java-server-core-$version.jar"
  cp="$cp:$m2/mongo-java-server-memory-backend/$version/mongo-java-server-memory-backend-$version.jar"
  mkfifo "$BENCH_WORK/mongo.in" "$BENCH_WORK/mongo.out"
  java -Xmx"${BENCH_MONGO_HEAP:-6g}" -Dlogback.configurationFile="$BENCH_ROOT/hack/bench/lib/logback-stderr.xml" -cp "$cp" \
    "$BENCH_ROOT/hack/bench/lib/BenchMongo.java" < "$BENCH_WORK/mongo.in" > "$BENCH_WORK/mongo.out" 2> "$BENCH_WORK/mongo.err" &
  BENCH_MONGO_PID=$!
  exec {BENCH_MONGO_IN}> "$BENCH_WORK/mongo.in"
  exec {BENCH_MONGO_OUT}< "$BENCH_WORK/mongo.out"
  local line
  line="$(bench_mongo_answer)" || { cat "$BENCH_WORK/mongo.err"; return 1; }
  BENCH_MONGO_URI="mongodb://127.0.0.1:${line#port }/video2mp3"
  export BENCH_MONGO_URI
}

# bench_mongo COMMAND: one BenchMongo command ("put FILE", "drop"); prints its answer.
bench_mongo() {
  echo "$1" >&"$BENCH_MONGO_IN"
  bench_mongo_answer
}

# The next "= " line BenchMongo prints, without the "= " (the other lines are its log).
bench_mongo_answer() {
  local line
  while read -r -u "$BENCH_MONGO_OUT" line; do
    if [[ "$line" == "= "* ]]; then
      echo "${line#= }"
      return
    fi
  done
  return 1
}

# bench_pair LABEL ROUNDS LEG_A LEG_B: runs two exported shell functions alternately, ROUNDS times
# each (A B, B A, A B, ...), and appends "| LABEL | ratio min / median | A | B |" to $BENCH_RESULTS,
# where A and B are each leg's wall seconds (min / median) and CPU seconds (median).
bench_pair() {
  local label="$1" rounds="$2" a="$3" b="$4" i
  local -a wall_a=() wall_b=() cpu_a=() cpu_b=() ratios=()
  for ((i = 0; i < rounds; i++)); do
    if ((i % 2 == 0)); then
      bench_leg "$a"; wall_a+=("$BENCH_WALL"); cpu_a+=("$BENCH_CPU")
      bench_leg "$b"; wall_b+=("$BENCH_WALL"); cpu_b+=("$BENCH_CPU")
    else
      bench_leg "$b"; wall_b+=("$BENCH_WALL"); cpu_b+=("$BENCH_CPU")
      bench_leg "$a"; wall_a+=("$BENCH_WALL"); cpu_a+=("$BENCH_CPU")
    fi
    ratios+=("$(awk -v x="${wall_a[i]}" -v y="${wall_b[i]}" 'BEGIN {printf "%.3f", x / y}')")
  done
  local line
  line="| $label | $(bench_stats "${ratios[@]}")× | $(bench_stats "${wall_a[@]}") s, CPU $(bench_median "${cpu_a[@]}") s"
  line="$line | $(bench_stats "${wall_b[@]}") s, CPU $(bench_median "${cpu_b[@]}") s | $(cut -d' ' -f1 /proc/loadavg) |"
  echo "$line" | tee -a "$BENCH_RESULTS"
}

# Runs one leg under GNU time; sets BENCH_WALL and BENCH_CPU (user + system, the leg's children included).
bench_leg() {
  local out="$BENCH_WORK/leg.time"
  if ! /usr/bin/time -f "%e %U %S" -o "$out" bash -c "$1" > "$BENCH_WORK/leg.log" 2>&1; then
    echo "leg $1 failed:" >&2
    tail -20 "$BENCH_WORK/leg.log" >&2
    return 1
  fi
  read -r BENCH_WALL user sys < <(tail -1 "$out")
  BENCH_CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
}

bench_median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m}'
}

bench_stats() {
  echo "$(printf '%s\n' "$@" | sort -g | head -1 | awk '{printf "%.2f", $1}') / $(bench_median "$@")"
}

bench_header() {
  echo "| measure | ratio min / median | leg A: wall min / median, CPU median | leg B | load |" | tee -a "$BENCH_RESULTS"
  echo "|---|---|---|---|---|" | tee -a "$BENCH_RESULTS"
}
