#!/usr/bin/env bash
# Copy path: the converter on a video whose audio is already MP3 (it copies the stream: -c:a copy)
# against the converter re-encoding the same video with AAC audio; both 10 minutes, the Job's
# launch; plus ffmpeg alone doing each, the floor of the ratio (docs/benchmarks.md).
#
#   hack/bench/copy-path.sh
#   ROUNDS=9 DURATION=120 VARIANT=jar hack/bench/copy-path.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-600}"
VARIANT="${VARIANT:-cds}"

bench_machine
bench_build operator
bench_unpack_operator
bench_mongo_start
source "$(dirname "$0")/lib/converter.sh"

mp3="$BENCH_WORK/mp3-audio.mp4"
aac="$BENCH_WORK/aac-audio.mp4"
bench_video "$DURATION" libmp3lame "$mp3"
bench_video "$DURATION" aac "$aac"
export COPY_LEG REENCODE_LEG
COPY_LEG="$(converter_leg "$VARIANT" "$(bench_mongo "put $mp3")")"
REENCODE_LEG="$(converter_leg "$VARIANT" "$(bench_mongo "put $aac")")"
export FFMPEG_COPY="ffmpeg -nostdin -hide_banner -loglevel error -y -i $mp3 -vn -c:a copy $BENCH_WORK/copy.mp3"
export FFMPEG_ENCODE="ffmpeg -nostdin -hide_banner -loglevel error -y -i $aac -vn -c:a libmp3lame -b:a 192k $BENCH_WORK/out.mp3"

bench_header
bench_pair "converter ($VARIANT): copy / re-encode, ${DURATION} s" "$ROUNDS" 'eval "$COPY_LEG"' 'eval "$REENCODE_LEG"'
bench_pair "ffmpeg alone: copy / re-encode, ${DURATION} s" "$ROUNDS" 'eval "$FFMPEG_COPY"' 'eval "$FFMPEG_ENCODE"'
