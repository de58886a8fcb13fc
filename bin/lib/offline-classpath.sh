# Builds downtime-evaluation and what it needs when missing or older than the sources, and prints a classpath of
# jars copied aside, so a rebuild while a long evaluation runs cannot pull classes from under it. Any build failure
# returns non-zero after Maven's own message, so the caller stops (call it as `classpath=$(offline_classpath)`).
offline_classpath() {
  local target="$root/downtime-evaluation/target"
  local jar="$target/downtime-evaluation-0.1.0-SNAPSHOT.jar"
  local stale
  stale=$(find "$root/downtime-features/src/main" "$root/downtime-models/src/main" "$root/downtime-evaluation/src/main" \
    "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null || echo missing)
  if [ ! -f "$jar" ] || [ -n "$stale" ]; then
    echo "Building the offline tools ..." >&2
    (cd "$root" && mvn -B -q install -DskipTests -pl downtime-evaluation -am >&2) || {
      echo "bin: building the offline tools failed (Maven's message above)" >&2; return 1; }
  fi
  if [ ! -f "$target/classpath.txt" ] || [ "$root/downtime-evaluation/pom.xml" -nt "$target/classpath.txt" ] \
      || [ "$jar" -nt "$target/classpath.txt" ]; then
    # The dependency plugin resolves the sibling modules from the local repository: after a plain `mvn package`
    # they are not there yet, so install them once and ask again.
    if ! (cd "$root" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
        -pl downtime-evaluation > /dev/null 2>&1); then
      echo "Installing the offline tools' modules into the local Maven repository ..." >&2
      (cd "$root" && mvn -B -q install -DskipTests -pl downtime-evaluation -am >&2 \
        && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl downtime-evaluation >&2) || {
        echo "bin: resolving the offline tools' classpath failed (Maven's message above)" >&2; return 1; }
    fi
  fi
  local aside="$target/offline-lib"
  rm -rf "$aside" && mkdir -p "$aside" || return 1
  cp "$jar" "$root/downtime-features/target/downtime-features-0.1.0-SNAPSHOT.jar" \
    "$root/downtime-models/target/downtime-models-0.1.0-SNAPSHOT.jar" "$aside/" || return 1
  local deps
  deps=$(tr ':' '\n' < "$target/classpath.txt" | grep -v '/downtime-' | paste -sd: -) || return 1
  [ -n "$deps" ] || { echo "bin: the offline tools' classpath is empty" >&2; return 1; }
  echo "$aside/*:$deps"
}
