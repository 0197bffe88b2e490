#!/usr/bin/env bash
# deploy/start-up-cache.sh JAR CACHE: the container image's ahead-of-time cache (JDK 25 or newer,
# JEP 483/514/515), made while the image is built (deploy/Containerfile): `crew serve` on a throw-away
# state directory until it is ready, the README's tour through it (StartupTraining), then SIGTERM,
# when the JVM writes CACHE. The image's `crew serve` then maps it instead of loading and linking its
# classes again (docs/operations.md#start-up). The JVM's options come from JAVA_TOOL_OPTIONS, the
# image's own, so the training and the image's starts agree. Fails when no cache was made.
set -euo pipefail
jar="$1"
cache="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# random, as ./crew's training: ImageStartUpCacheIT runs this beside other listeners
port="$((20000 + RANDOM % 20000))"

java -XX:AOTCacheOutput="$cache" -jar "$jar" serve --state-dir "$work/state" --port "$port" \
  >"$work/log" 2>&1 &
pid=$!
ready=no
for _ in $(seq 1 600); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /readyz HTTP/1.0\r\n\r\n' >&3 \
      && head -c 12 <&3 | grep -q ' 200$') 2>/dev/null; then
    ready=yes
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$ready" = yes ]; then
  # the API, the store and the JSON paths as the CLI and the console use them; a command of the tour
  # that fails costs the cache nothing but its classes
  java -cp "$jar" dev.gitopscrew.cli.StartupTraining "$work/state" "$work/local" >>"$work/log" 2>&1 \
    || true
fi
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if [ "$ready" != yes ] || [ ! -s "$cache" ]; then
  echo "start-up-cache: no cache made (ready: $ready); the training's log:" >&2
  cat "$work/log" >&2
  exit 1
fi
chmod 644 "$cache"
echo "start-up-cache: $cache ($(du -h "$cache" | cut -f1))"
