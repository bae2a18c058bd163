#!/usr/bin/env bash
# RSVP benchmark: PanelBot (Release, SQLite) answering Teams RSVP invokes, against Microsoft's botbuilder-js echo
# bot answering expectReplies messages, with the same load in the same run. Each server runs alone, pinned to
# core 0; the load generator (and the fake Teams connector) are pinned to core 1.
#
#   bench/rsvp/run.sh            45 s warm-up, then 3 rounds of 10,000 requests from 1,000 users (about 5 minutes)
#   bench/rsvp/run.sh --quick    5 s warm-up and rounds of 1,000 requests, to try it out
#   --warmup S                   warm-up of S seconds instead (e.g. --quick --warmup 45: steady state, short rounds)
#   --registrations N            pre-fill the event with N other registrations ("maybe", through the same invoke path)
#   --postgres-port P            PanelBot on PostgreSQL at 127.0.0.1:P (user postgres, trust auth) in a new database
#                                that is dropped afterwards, instead of SQLite
#
# The last line printed is one JSON object: registrations, panelbot_rps, echo_rps, panelbot_p99_ms, echo_p99_ms,
# cpu_ms_per_request (PanelBot), rss_mib (PanelBot's peak RSS during the rounds).
#
# Environment: PANELBOT_DLL=path skips the build and runs that PanelBot.dll instead. PanelBot runs with the
# DOTNET_GCgen0size the Dockerfile sets, or with DOTNET_GCgen0size from the environment when given.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
warmup=45
rounds=3
amount=10000
users=1000
connections=32
registrations=0
pg_port=""
usage() { echo "usage: $0 [--quick] [--warmup S] [--registrations N] [--postgres-port PORT]" >&2; exit 2; }
warmup_override=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) warmup=5; amount=1000 ;;
        --registrations) [ $# -ge 2 ] || usage; registrations="$2"; shift ;;
        --warmup) [ $# -ge 2 ] || usage; warmup_override="$2"; shift ;;
        --postgres-port) [ $# -ge 2 ] || usage; pg_port="$2"; shift ;;
        *) usage ;;
    esac
    shift
done
[[ "$registrations" =~ ^[0-9]+$ ]] || usage
if [ -n "$warmup_override" ]; then [[ "$warmup_override" =~ ^[0-9]+$ ]] || usage; warmup="$warmup_override"; fi

server_core=0
load_core=1
if [ "$(nproc --all)" -lt 2 ]; then echo "needs 2 cores to pin server and load apart" >&2; exit 1; fi

# Under this folder rather than /tmp, where other tools' clean-ups of /tmp/panelbot-* could remove it mid-run.
work="$(mktemp -d "$here/.run-XXXXXX")"
pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "$pg_port" ] && [ -n "${pg_db:-}" ]; then psql_admin -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
    if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "failed; logs kept in $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "== $*" >&2; }

if [ -z "${PANELBOT_DLL:-}" ]; then
    step "building PanelBot (Release)"
    dotnet build -c Release "$repo/src/PanelBot" -v quiet -nologo >"$work/build.log" 2>&1 \
        || { tail -n 30 "$work/build.log" >&2; exit 1; }
    PANELBOT_DLL="$repo/src/PanelBot/bin/Release/net10.0/PanelBot.dll"
fi
[ -f "$PANELBOT_DLL" ] || { echo "no $PANELBOT_DLL" >&2; exit 1; }

step "installing the load generator and botbuilder (npm ci)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) || { cat "$work/npm.log" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Waits until PORT accepts connections, or fails after 60 s (printing the server's log).
wait_for_port() {
    local port="$1" log="$2"
    for _ in $(seq 1 600); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on $port after 60 s:" >&2
    tail -n 40 "$log" >&2
    exit 1
}

stop() {
    local pid="$1"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

psql_admin() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

# Bounded: the prefill (at 10 req/s), the warm-up plus, per round, the time for its requests at 10 req/s and one minute more.
load_limit=$((registrations / 10 + warmup + 60 + rounds * (amount / 10 + 60)))
drive() {
    local target="$1" port="$2" pid="$3" service_url="$4"
    taskset -c "$load_core" timeout "$load_limit" node "$here/load.mjs" \
        --target "$target" --url "http://127.0.0.1:$port" --pid "$pid" --service-url "$service_url" \
        --warmup "$warmup" --rounds "$rounds" --amount "$amount" --users "$users" --connections "$connections" \
        --registrations "$([ "$target" = panelbot ] && echo "$registrations" || echo 0)" \
        --out "$work/$target.json"
}

# A stand-in for the Teams connector, so the bot's member look-ups and promotion messages succeed as in Teams.
sink_port="$(free_port)"
taskset -c "$load_core" node "$here/sink.mjs" "$sink_port" >"$work/sink.log" 2>&1 &
sink_pid=$!
pids+=("$sink_pid")
wait_for_port "$sink_port" "$work/sink.log"

mkdir -p "$work/panelbot"
if [ -n "$pg_port" ]; then
    pg_db="panelbot_bench_$$"
    psql_admin -c "CREATE DATABASE $pg_db" >/dev/null
    storage=(Storage__Provider=PostgreSql
        ConnectionStrings__PanelBot="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$pg_db;Pooling=true;Maximum Pool Size=64")
    step "PanelBot: $(basename "$PANELBOT_DLL") on core $server_core, PostgreSQL on port $pg_port (database $pg_db)"
else
    storage=(ConnectionStrings__PanelBot="Data Source=$work/panelbot/panelbot.db")
    step "PanelBot: $(basename "$PANELBOT_DLL") on core $server_core, SQLite in $work/panelbot"
fi
panelbot_port="$(free_port)"
# The runtime setting the container image sets (Dockerfile), so that the bench measures the app as it is deployed.
gc_gen0="${DOTNET_GCgen0size:-$(sed -n 's/^ENV DOTNET_GCgen0size=\([0-9A-Fa-fx]*\)$/\1/p' "$repo/Dockerfile")}"
[ -n "$gc_gen0" ] || { echo "the Dockerfile sets no DOTNET_GCgen0size" >&2; exit 1; }
# The content root defaults to the working directory; point it at the build output so the shipped
# appsettings.json (its log levels) applies, as when the app runs from its own folder.
# The load is 1,000 people answering again and again, faster than the per-person limit allows a real person.
(cd "$work/panelbot" && exec env "${storage[@]}" DOTNET_GCgen0size="$gc_gen0" \
    Limits__CommandsPerUser=1000000 Limits__CommandsPerTenant=1000000 \
    taskset -c "$server_core" dotnet "$PANELBOT_DLL" --urls "http://127.0.0.1:$panelbot_port" \
    --contentRoot "$(dirname "$PANELBOT_DLL")") >"$work/panelbot.log" 2>&1 &
panelbot_pid=$!
pids+=("$panelbot_pid")
wait_for_port "$panelbot_port" "$work/panelbot.log"
drive panelbot "$panelbot_port" "$panelbot_pid" "http://127.0.0.1:$sink_port/" \
    || { tail -n 40 "$work/panelbot.log" >&2; exit 1; }
stop "$panelbot_pid"
warnings="$(grep -c '^warn\|^fail' "$work/panelbot.log" || true)"

step "botbuilder-js echo bot on core $server_core"
echo_port="$(free_port)"
taskset -c "$server_core" node "$here/echo-bot.mjs" "$echo_port" >"$work/echo.log" 2>&1 &
echo_pid=$!
pids+=("$echo_pid")
wait_for_port "$echo_port" "$work/echo.log"
drive echo "$echo_port" "$echo_pid" "http://127.0.0.1:$sink_port/" || { tail -n 40 "$work/echo.log" >&2; exit 1; }
stop "$echo_pid"
stop "$sink_pid"

echo
node "$here/report.mjs" "$work/panelbot.json" "$work/echo.json"
echo "Storage: $([ -n "$pg_port" ] && echo "PostgreSQL $(psql_admin -tAc 'SHOW server_version')" || echo SQLite)." \
    "Fake Teams connector calls: $(tail -n 1 "$work/sink.log"); PanelBot log: $warnings warnings/failures;" \
    "PanelBot ran with DOTNET_GCgen0size=$gc_gen0."
echo "dotnet $(dotnet --version), node $(node --version), botbuilder $(node -p "require('$here/node_modules/botbuilder/package.json').version")," \
    "autocannon $(node -p "require('$here/node_modules/autocannon/package.json').version"); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)."
node "$here/report.mjs" "$work/panelbot.json" "$work/echo.json" --json
