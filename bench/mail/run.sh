#!/usr/bin/env bash
# Mail benchmark (issue 6): compose and send 10,000 invitations through an outbox-like queue with the real
# CalendarWriter + MimeKit composition + SmtpTransport on MailKit into postfix's smtp-sink on loopback, then measure postfix's own
# smtp-source with the same messages, sessions and message size into the same sink, as the ceiling.
#
# usage: bench/mail/run.sh [COUNT] [CONNECTIONS] [ROUNDS]     (defaults 10000 6 3)
# Needs root for apt-get the first time (installs postfix for smtp-sink/smtp-source; the postfix daemon is not started).
set -euo pipefail
cd "$(dirname "$0")"
COUNT=${1:-10000}
CONNECTIONS=${2:-6}
ROUNDS=${3:-3}
PORT=${PORT:-25250}
CORES=$(nproc)
SINK_CORE=$((CORES - 1))
CLIENT_CORES=0
if [ "$CORES" -gt 2 ]; then CLIENT_CORES="0-$((CORES - 2))"; fi

find_tool() { for d in /usr/sbin /usr/lib/postfix/sbin; do [ -x "$d/$1" ] && { echo "$d/$1"; return; }; done; }
if [ -z "$(find_tool smtp-sink)" ]; then
  echo "Installing postfix (for smtp-sink and smtp-source)..." >&2
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi
SINK=$(find_tool smtp-sink)
SOURCE=$(find_tool smtp-source)

echo "Building MailBench (Release)..." >&2
dotnet build -c Release -v q -nologo MailBench/MailBench.csproj >&2
BENCH_DLL=MailBench/bin/Release/net10.0/MailBench.dll

# smtp-sink on its own core: -c counts, -u drops root, backlog 1024. It answers 250 to everything (PIPELINING on).
taskset -c "$SINK_CORE" "$SINK" -u nobody 127.0.0.1:"$PORT" 1024 &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null || true' EXIT
sleep 0.5

# The machine may be shared: say how loaded it was, since wall-clock rates depend on it.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "PanelBot: $COUNT invitations, $CONNECTIONS connections, $ROUNDS rounds after a warm-up (client on core $CLIENT_CORES, sink on core $SINK_CORE)" >&2
RESULT=$(taskset -c "$CLIENT_CORES" dotnet "$BENCH_DLL" --port "$PORT" --count "$COUNT" --connections "$CONNECTIONS" --rounds "$ROUNDS")
echo "$RESULT"
SIZE=$(echo "$RESULT" | tail -1 | sed -E 's/.*"avg_message_bytes":([0-9]+).*/\1/')

echo "smtp-source: $COUNT messages of $SIZE bytes, $CONNECTIONS sessions kept open (-d), same sink" >&2
taskset -c "$CLIENT_CORES" "$SOURCE" -d -s "$CONNECTIONS" -l "$SIZE" -m 1000 -f events@panelbot.example -t attendee@example.org 127.0.0.1:"$PORT" # warm-up
TIMES=()
for r in $(seq 1 "$ROUNDS"); do
  T0=$(date +%s.%N)
  taskset -c "$CLIENT_CORES" "$SOURCE" -d -s "$CONNECTIONS" -l "$SIZE" -m "$COUNT" -f events@panelbot.example -t attendee@example.org 127.0.0.1:"$PORT"
  T1=$(date +%s.%N)
  T=$(echo "$T1 - $T0" | bc -l)
  TIMES+=("$T")
  printf 'round %d: %d messages in %.3f s = %.0f/s\n' "$r" "$COUNT" "$T" "$(echo "$COUNT / $T" | bc -l)" >&2
done
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
printf '{"tool":"smtp-source","count":%d,"sessions":%d,"message_bytes":%d,"median_seconds":%.3f,"per_second":%.0f}\n' \
  "$COUNT" "$CONNECTIONS" "$SIZE" "$MEDIAN" "$(echo "$COUNT / $MEDIAN" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
