# Builds downtime-evaluation and what it needs when missing or older than the sources, and prints a classpath of
# jars copied aside, so a rebuild while a long evaluation runs cannot pull classes from under it.
offline_classpath() {
  local target="$root/downtime-evaluation/target"
  local jar="$target/downtime-evaluation-0.1.0-SNAPSHOT.jar"
  local stale
  stale=$(find "$root/downtime-features/src/main" "$root/downtime-models/src/main" "$root/downtime-evaluation/src/main" \
    "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null || echo missing)
  if [ ! -f "$jar" ] || [ -n "$stale" ]; then
    echo "Building the offline tools ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl downtime-evaluation -am >&2)
  fi
  if [ ! -f "$target/classpath.txt" ] || [ "$root/downtime-evaluation/pom.xml" -nt "$target/classpath.txt" ] \
      || [ "$jar" -nt "$target/classpath.txt" ]; then
    (cd "$root" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl downtime-evaluation >&2)
  fi
  local aside="$target/offline-lib"
  rm -rf "$aside" && mkdir -p "$aside"
  cp "$jar" "$root/downtime-features/target/downtime-features-0.1.0-SNAPSHOT.jar" \
    "$root/downtime-models/target/downtime-models-0.1.0-SNAPSHOT.jar" "$aside/"
  local deps
  deps=$(tr ':' '\n' < "$target/classpath.txt" | grep -v '/downtime-' | paste -sd: -)
  echo "$aside/*:$deps"
}
