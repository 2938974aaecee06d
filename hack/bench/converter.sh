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
#   old  java -jar $OLD_JAR convert                (the jar of an earlier commit, e.g. the one before issue 14)
#   jar  java -jar operator.jar convert            (Spring Boot's nested-jar launcher: the old Job command)
#   cp   java -cp app.jar:lib/* ... Main convert   (the jar unpacked, a plain main class)
#   c1   cp + -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#   cds  c1 + -XX:-UsePerfData + the image's AppCDS archive (-XX:SharedArchiveFile): the Job's command
#        (ConversionJobBuilder.CONVERTER_COMMAND) with /app mapped to the unpacked copy, as local mode maps it
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ROUNDS="${ROUNDS:-5}"
DURATIONS="${DURATIONS:-60 600}"
VARIANTS="${VARIANTS:-jar cds}"

bench_machine
bench_build operator
bench_unpack_operator
bench_mongo_start
source "$(dirname "$0")/lib/converter.sh"

bench_header
for seconds in $DURATIONS; do
  video="$BENCH_WORK/clip-$seconds.mp4"
  bench_video "$seconds" aac "$video"
  id="$(bench_mongo "put $video")"
  export FFMPEG_LEG="ffmpeg -nostdin -hide_banner -loglevel error -y -i $video -vn -c:a libmp3lame -b:a 192k $BENCH_WORK/out.mp3"
  for variant in $VARIANTS; do
    export CONVERTER_LEG="$(converter_leg "$variant" "$id")"
    bench_pair "converter ($variant) / ffmpeg, ${seconds} s clip" "$ROUNDS" 'eval "$CONVERTER_LEG"' 'eval "$FFMPEG_LEG"'
  done
  bench_mongo drop > /dev/null
done
