#!/usr/bin/env bash
# Start a second, independent Docker daemon — its own data root, exec root, socket and bridge —
# as a second "machine" for cross-daemon audits, and give it the base image.
# Prints the DOCKER_HOST to use. Idempotent. `--stop` stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCKER=/usr/bin/docker
root=${CARGO_RECIPE_SECOND_DOCKERD:-/var/lib/cargo-recipe-dockerd2}
socket=unix://$root/docker.sock
image=cargo-recipe/rust-base:bookworm
pidfile=$root/dockerd.pid
bridge=cr-docker2
die() { echo "start-second-dockerd: $*" >&2; exit 1; }

# Whether process $1 still runs (a zombie nobody reaps does not count).
running() {
  [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat")" != Z ]
}

if [ "${1:-}" = "--stop" ]; then
  # SIGKILL: a test stops it to see an engine die mid-build, not to shut it down cleanly. Wait
  # until it is gone, so that the next start does not find its pid file.
  # Its containerd goes too: left behind, it would hold the state the next start needs.
  # (dockerd writes its pid file without a final newline.)
  pids="$(cat "$pidfile" 2>/dev/null || true) $(pgrep -f "containerd --config $root/exec/" || true)"
  for pid in $pids; do kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true; done
  for pid in $pids; do
    for _ in $(seq 100); do running "$pid" || break; sleep 0.1; done
  done
  # Nobody reaps the killed processes here: as zombies they would still look alive to the next
  # dockerd, which would wait for "its" containerd. Their pid files go.
  rm -f "$pidfile" "$root/exec/containerd/containerd.pid"
  exit 0
fi
hack/start-dockerd.sh >/dev/null
mkdir -p "$root"
if ! DOCKER_HOST=$socket "$DOCKER" info >/dev/null 2>&1; then
  # Its own bridge: with --bridge=none dockerd deletes docker0, the first daemon's bridge.
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add name "$bridge" type bridge
    ip addr add 172.31.250.1/24 dev "$bridge"
    ip link set "$bridge" up
  fi
  # A pid file left by a daemon that was killed would stop this one from starting.
  if [ -f "$pidfile" ] && ! running "$(cat "$pidfile")"; then
    rm -f "$pidfile"
  fi
  # Separate everything a daemon owns, so the two share no cache and no state.
  PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH" setsid nohup dockerd --host="$socket" --data-root="$root/data" \
    --exec-root="$root/exec" --pidfile="$pidfile" --bridge="$bridge" --iptables=false >"$root/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 60); do
    DOCKER_HOST=$socket "$DOCKER" info >/dev/null 2>&1 && break
    sleep 1
  done
  DOCKER_HOST=$socket "$DOCKER" info >/dev/null 2>&1 || die "the second dockerd did not answer; see $root/dockerd.log"
fi
# The same base image, copied over (no registry to pull from), when missing or different.
want=$("$DOCKER" image inspect -f '{{.Id}}' "$image")
have=$(DOCKER_HOST=$socket "$DOCKER" image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  "$DOCKER" save "$image" | DOCKER_HOST=$socket "$DOCKER" load >/dev/null
fi
echo "$socket"
