#!/usr/bin/env bash
# Converter fixed cost: the converter as a Job runs it (its own JVM, GridFS in and out) against
# `ffmpeg -i in.mp4 -vn -c:a libmp3lame -b:a 192k out.mp3` on the same file, a 60-second and a
# 10-minute clip, legs alternated (docs/benchmarks.md).
#
#   hack/bench/converter.sh                       # the old and the shipped launch vs ffmpeg, both clips
#   VARIANTS="jar cp c1 cds" hack/bench/converter.sh      # every launch option, each against ffmpeg
#   ROUNDS=9 DURATIONS=60 hack/bench/converter.sh
#
# Variants (each a converter command line; see docs/benchmarks.md for what they measure):
#   jar  java -jar operator.jar convert            (Spring Boot's nested-jar launcher: the old Job command)
#   cp   java -cp app.jar:lib/* ... Main convert   (the jar unpacked, a plain main class)
#   c1   cp + -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#   cds  c1 + an AppCDS archive of a training conversion (-XX:SharedArchiveFile): the Job's command
#        (ConversionJobBuilder) with /app mapped to the unpacked copy, as local mode's Job runner maps it
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ROUNDS="${ROUNDS:-5}"
DURATIONS="${DURATIONS:-60 600}"
VARIANTS="${VARIANTS:-jar cds}"

bench_machine
bench_build operator
bench_unpack_operator
bench_mongo_start
APP="$BENCH_WORK/app"
CP="$APP/operator/app.jar:$APP/operator/lib/*"
MAIN=io.video2mp3.operator.Main
C1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
export BENCH_WORK

variant_command() {
  case "$1" in
    jar) echo "java -jar $APP/operator.jar convert" ;;
    cp) echo "java -cp '$CP' $MAIN convert" ;;
    c1) echo "java $C1 -cp '$CP' $MAIN convert" ;;
    cds) echo "java $C1 -XX:SharedArchiveFile=$APP/operator/converter.jsa -cp '$CP' $MAIN convert" ;;
    *) echo "unknown variant $1" >&2; return 1 ;;
  esac
}

# The Job's environment (ConversionJobBuilder) for one GridFS source.
converter_env() {
  echo "MONGODB_URI=$BENCH_MONGO_URI CONVERSION_NAMESPACE=bench CONVERSION_NAME=bench CONVERSION_UID=bench-uid" \
    "SOURCE_FILE_ID=$1 OUTPUT_FORMAT=mp3 OUTPUT_BITRATE=192k TERMINATION_LOG=$BENCH_WORK/termination-log" \
    "SCRATCH_DIR=$BENCH_WORK/scratch JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=$BENCH_WORK/scratch"
}

# An AppCDS archive of one training conversion, as the image build makes it (hack/images/Dockerfile).
train_cds() {
  local id="$1"
  mkdir -p "$BENCH_WORK/scratch"
  env $(converter_env "$id") java $C1 -XX:ArchiveClassesAtExit="$APP/operator/converter.jsa" -cp "$CP" $MAIN convert \
    > "$BENCH_WORK/train.log" 2>&1 || { cat "$BENCH_WORK/train.log"; return 1; }
}

bench_header
for seconds in $DURATIONS; do
  video="$BENCH_WORK/clip-$seconds.mp4"
  bench_video "$seconds" aac "$video"
  id="$(bench_mongo "put $video")"
  mkdir -p "$BENCH_WORK/scratch"
  [[ -f "$APP/operator/converter.jsa" ]] || train_cds "$id"
  export FFMPEG_LEG="ffmpeg -nostdin -hide_banner -loglevel error -y -i $video -vn -c:a libmp3lame -b:a 192k $BENCH_WORK/out.mp3"
  for variant in $VARIANTS; do
    export CONVERTER_LEG="env $(converter_env "$id") $(variant_command "$variant")"
    bench_pair "converter ($variant) / ffmpeg, ${seconds} s clip" "$ROUNDS" 'eval "$CONVERTER_LEG"' 'eval "$FFMPEG_LEG"'
  done
  bench_mongo drop > /dev/null
done
