#!/bin/sh
# The converter's lean launch layout (docs/benchmarks.md, "Converter fixed cost"), shared by the image
# build (hack/images/Dockerfile), local mode (hack/local) and hack/bench/:
#
#   converter-layout.sh unpack BOOT_JAR DIR   DIR/app.jar (the module's classes), DIR/lib/*.jar and
#                                             DIR/converter.classlist (needs unzip and zip)
#   converter-layout.sh dump DIR              DIR/converter.jsa: an AppCDS archive of the JDK's default
#                                             classes plus every class the list names (needs java only;
#                                             $JAVA if set: the archive maps only into the JVM that wrote it)
#
# The Job runs `java ... -XX:SharedArchiveFile=DIR/converter.jsa -cp 'DIR/app.jar:DIR/lib/*'
# io.video2mp3.operator.Main convert` (ConversionJobBuilder): no nested-jar launcher, and classes
# mapped from the archive instead of being read, verified and parsed at every conversion. CDS
# archives only jars, never a directory, hence app.jar. The list names all classes of the jars the
# converter uses, so no training run (and no MongoDB) is needed at build time; classes that fail to
# load are skipped by the dump.
set -eu
case "$1" in
  unpack)
    jar=$(realpath "$2"); dir=$3
    rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
    unzip -q "$jar" 'BOOT-INF/*'
    mv BOOT-INF/lib lib
    (cd BOOT-INF/classes && zip -qr ../../app.jar .)
    rm -rf BOOT-INF
    for j in app.jar lib/mongodb-driver-*.jar lib/bson-*.jar lib/jaffree-*.jar lib/nanojson-*.jar lib/logback-*.jar \
      lib/slf4j-api-*.jar lib/crds-*.jar; do
      unzip -Z1 "$j" | grep '\.class$' | grep -v -e 'module-info' -e '^META-INF/' | sed 's/\.class$//'
    done > converter.classlist
    ;;
  dump)
    dir=$(realpath "$2")
    java=$(realpath "$(command -v "${JAVA:-java}")")
    java_home=$(dirname "$(dirname "$java")")
    grep -v -e '^#' -e '^@' "$java_home/lib/classlist" | cat - "$dir/converter.classlist" > "$dir/dump.classlist"
    "$java" -Xshare:dump -XX:SharedClassListFile="$dir/dump.classlist" -XX:SharedArchiveFile="$dir/converter.jsa.tmp" \
      -cp "$dir/app.jar:$dir/lib/*" > "$dir/dump.log" 2>&1 || { cat "$dir/dump.log" >&2; exit 1; }
    mv "$dir/converter.jsa.tmp" "$dir/converter.jsa"
    rm "$dir/dump.classlist"
    ;;
  *) echo "usage: $0 unpack BOOT_JAR DIR | dump DIR" >&2; exit 2 ;;
esac
