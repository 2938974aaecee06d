# The converter's legs, shared by converter.sh and copy-path.sh (sourced after bench_unpack_operator).
# shellcheck shell=bash

APP="$BENCH_WORK/app"
CP="$APP/operator/app.jar:$APP/operator/lib/*"
MAIN=io.video2mp3.operator.Main
C1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# The converter command line of a launch variant (converter.sh's header lists them).
variant_command() {
  case "$1" in
    old) echo "java -jar ${OLD_JAR:?OLD_JAR: the operator jar of the commit to compare with} convert" ;;
    jar) echo "java -jar $APP/operator.jar convert" ;;
    cp) echo "java -cp '$CP' $MAIN convert" ;;
    c1) echo "java $C1 -cp '$CP' $MAIN convert" ;;
    cds) echo "java $C1 -XX:-UsePerfData -XX:SharedArchiveFile=$APP/operator/converter.jsa -cp '$CP' $MAIN convert" ;;
    *) echo "unknown variant $1" >&2; return 1 ;;
  esac
}

# The Job's environment (ConversionJobBuilder) for one GridFS source.
converter_env() {
  echo "MONGODB_URI=$BENCH_MONGO_URI CONVERSION_NAMESPACE=bench CONVERSION_NAME=bench CONVERSION_UID=bench-uid" \
    "SOURCE_FILE_ID=$1 OUTPUT_FORMAT=mp3 OUTPUT_BITRATE=192k TERMINATION_LOG=$BENCH_WORK/termination-log" \
    "SCRATCH_DIR=$BENCH_WORK/scratch JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=$BENCH_WORK/scratch"
}

# converter_leg VARIANT FILE_ID: the command line of one conversion, environment included.
converter_leg() {
  mkdir -p "$BENCH_WORK/scratch"
  echo "env $(converter_env "$2") $(variant_command "$1")"
}
