#!/usr/bin/env bash
# Make sure a Docker daemon (20.10, with its embedded BuildKit) answers.
# Idempotent: does nothing but check when one already answers. Prints one line.
set -euo pipefail

# Always the Debian client: /usr/local/bin/docker (if present) is a newer client
# without buildx and cannot drive the daemon's BuildKit.
DOCKER=/usr/bin/docker
log="${TMPDIR:-/tmp}/cargo-recipe-dockerd.log"
die() { echo "start-dockerd: $*" >&2; exit 1; }

# An explicit DOCKER_HOST is someone else's daemon: never start one, just check it.
if [ -n "${DOCKER_HOST:-}" ]; then
  "$DOCKER" info >/dev/null 2>&1 || die "DOCKER_HOST=$DOCKER_HOST does not answer"
  echo "dockerd: using DOCKER_HOST=$DOCKER_HOST"
  exit 0
fi

# Debian's docker.io puts dockerd in /usr/sbin; machines are not kept between
# sessions, so install it (Depends only: containerd, runc, iptables, tini) if absent.
if ! [ -x /usr/sbin/dockerd ] && ! [ -x /usr/bin/dockerd ] || ! [ -x "$DOCKER" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi

if "$DOCKER" info >/dev/null 2>&1; then
  echo "dockerd: already running"
  exit 0
fi

# No systemd here: run dockerd detached (setsid) so it outlives this shell and the
# job that called us. Skip the start if one is already coming up (a second dockerd
# would fail on its pid file).
if ! pgrep -x dockerd >/dev/null; then
  PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH" setsid nohup dockerd >"$log" 2>&1 </dev/null &
fi

for _ in $(seq 60); do
  if "$DOCKER" info >/dev/null 2>&1; then
    echo "dockerd: started (log: $log)"
    exit 0
  fi
  pgrep -x dockerd >/dev/null || die "dockerd exited during start-up; see $log"
  sleep 1
done
die "dockerd did not answer within 60 s; see $log"
