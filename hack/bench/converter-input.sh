#!/usr/bin/env bash
# Converter input benchmark: how fast ffmpeg gets a GridFS video through a pipe, through the
# seekable loopback input the converter uses (LoopbackRangeServer), and through a scratch-file copy (docs/benchmarks.md).
#
#   hack/bench/converter-input.sh                 # 10-minute ~100 MB MP4, moov at the end
#   DURATION=120 VIDEO_BITRATE=6M hack/bench/converter-input.sh
#   HEAP=48m hack/bench/converter-input.sh        # heap of the converter JVM in the memory step
#
# Generates the video with ffmpeg (never committed), builds the operator module, and runs
# ConverterInputBenchmarkIT against mongo-java-server in the test JVM (or MONGODB_URI if set).
# Results are printed and written to operator/target/converter-bench.txt.
set -euo pipefail

cd "$(dirname "$0")/../.."
DURATION="${DURATION:-600}"
VIDEO_BITRATE="${VIDEO_BITRATE:-1300k}"
ROUNDS="${ROUNDS:-2}"
HEAP="${HEAP:-64m}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

INPUT="$WORK/bench.mp4"
# constant video bitrate (the test picture compresses too well otherwise): 600 s ~ 106 MB
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "ffmpeg: $(ffmpeg -hide_banner -version | head -1); java: $(java -version 2>&1 | head -1)"
echo "generating ${DURATION}s test video (${VIDEO_BITRATE} video, AAC audio, moov at the end)..."
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "sine=frequency=440:duration=${DURATION}" \
  -f lavfi -i "testsrc=size=320x240:rate=25:duration=${DURATION}" \
  -c:v mpeg4 -b:v "$VIDEO_BITRATE" -minrate "$VIDEO_BITRATE" -maxrate "$VIDEO_BITRATE" -bufsize "$VIDEO_BITRATE" \
  -c:a aac -b:a 128k -shortest "$INPUT"
ls -l "$INPUT"

echo "ffmpeg CLI reading the file directly (reference):"
/usr/bin/time -f "  %e s wall, %U s user, %M KB peak RSS" ffmpeg -hide_banner -loglevel error -y -i "$INPUT" \
  -map 0:a:0 -vn -c:a libmp3lame -b:a 192k -f mp3 /dev/null
echo "ffmpeg CLI reading it from a pipe WITHOUT -abort_on (the trap: exit 0, empty output):"
ffmpeg -hide_banner -loglevel fatal -y -i pipe:0 -map 0:a:0 -vn -c:a libmp3lame -b:a 192k -f mp3 "$WORK/out.mp3" \
  < "$INPUT" && echo "  exit $?, output $(stat -c %s "$WORK/out.mp3") bytes" || echo "  exit $?"
echo "ffmpeg CLI reading it from a pipe with -abort_on empty_output:"
/usr/bin/time -f "  %e s wall" ffmpeg -hide_banner -loglevel error -y -abort_on empty_output -i pipe:0 \
  -map 0:a:0 -vn -c:a libmp3lame -b:a 192k -f mp3 /dev/null < "$INPUT" \
  && echo "  (exit 0)" || echo "  (ffmpeg failed: a pipe cannot reach the moov at the end)"

mvn -B -q -o -pl operator -am package -DskipTests
rm -f operator/target/converter-bench.txt
mvn -B -o -pl operator -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConverterInputBenchmarkIT -Dconverter.bench=true -Dconverter.bench.input="$INPUT" \
  -Dconverter.bench.rounds="$ROUNDS" -Dconverter.bench.heap="$HEAP" \
  -Dconverter.bench.jar="$(ls "$PWD"/operator/target/operator-*.jar | grep -v -e sources -e original | head -1)" > "$WORK/mvn.log" 2>&1 || { tail -50 "$WORK/mvn.log"; exit 1; }
cat operator/target/converter-bench.txt
