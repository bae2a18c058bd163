#!/usr/bin/env bash
# PanelBot's one test command: installs and starts what the tests need (PostgreSQL, an SMTP server, Chromium,
# the iCalendar parsers, the Teams schema validator, the Adaptive Cards parser), builds the solution and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\n== %s\n' "$*"; }

# 1. Debian packages (installed once; a machine that has them skips this).
packages=(postgresql chromium python3-aiosmtpd python3-icalendar openssl python3-dkim dovecot-imapd)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  say "Installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. npm packages the app and the tests use (pinned by package-lock.json). npm waits 5 minutes on a stalled download
#    by default and then gives up; a shorter timeout with retries, and a second try of the whole install, ride out a
#    registry that hangs for a moment. A finished install leaves node_modules/.package-lock.json.
npm_ci() {
  local dir=$1 log attempt; shift
  log=$(mktemp)
  for attempt in 1 2 3; do
    if (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund "$@" \
          --fetch-timeout=60000 --fetch-retries=4 >"$log" 2>&1); then
      rm -f "$log"; return 0
    fi
    echo "npm ci in $dir failed (attempt $attempt of 3):"; tail -n 20 "$log"
    sleep $((attempt * 10))
  done
  rm -f "$log"; return 1
}
for dir in src/PanelBot manifests/teams tests/interop tests/cards; do
  if [ -f "$dir/package-lock.json" ] && [ ! -f "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $dir"
    # Web Chat's lock was made with --legacy-peer-deps (its React peers), as the build's own install does.
    if [ "$dir" = src/PanelBot ]; then npm_ci "$dir" --legacy-peer-deps; else npm_ci "$dir"; fi
  fi
done

# 3. A private PostgreSQL server for this run.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/panelbot-pg.XXXXXX)
pg_port=${PANELBOT_TEST_PG_PORT:-55432}
chown postgres "$pg_dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
say "Starting PostgreSQL on 127.0.0.1:$pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export PANELBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"

# 4. Build once, then run every test project at the tests' default "now".
say "Building"
dotnet build PanelBot.sln -c Release -nologo -v quiet

say "Testing"
results="$root/TestResults"
rm -rf "$results"
status=0
# Every Adaptive Card any test receives is kept here and checked with Microsoft's parser after the run.
export PANELBOT_CARD_CORPUS="$pg_dir/cards"
# The app's warnings and errors in host tests (a 500 a test saw, with its exception) land here, printed below if a
# test fails.
export PANELBOT_TEST_LOGS="$results/app-logs"
# A test still running after 5 minutes hangs (the slowest take about 30 s): its test host is stopped and the run names it,
# instead of CI waiting for its own limit.
hang=(--blame-hang-timeout 5m --blame-hang-dump-type none)
dotnet test PanelBot.sln -c Release --no-build -nologo "${hang[@]}" --logger "trx" --results-directory "$results" || status=$?

say "Checking every card the tests received (Adaptive Cards 1.5, Microsoft's parser)"
node tests/cards/check-cards.mjs "$PANELBOT_CARD_CORPUS" || status=1

# 5. Tests take "now" from PANELBOT_TEST_NOW (default 2026-11-22T10:00Z), never from the machine, and derive their
# dates from it. To keep them honest about that, the projects whose tests create events run again with "now" just
# after a European clock change and on a leap day (left out: the browser and manifest tests, which have no dates, and
# the slot-finder property tests, which walk their own fixed years of clock changes).
other_dates=(2027-04-01T09:00Z 2028-02-29T12:00Z)
for now in "${other_dates[@]}"; do
  say "Testing the domain and host tests again at PANELBOT_TEST_NOW=$now"
  PANELBOT_TEST_NOW=$now dotnet test tests/PanelBot.Domain.Tests -c Release --no-build -nologo "${hang[@]}" \
    --filter "FullyQualifiedName!~SlotFinderPropertyTests" \
    --logger "trx" --results-directory "$results/$now" || status=$?
  PANELBOT_TEST_NOW=$now dotnet test tests/PanelBot.Tests -c Release --no-build -nologo "${hang[@]}" \
    --filter "FullyQualifiedName!~PanelBot.Tests.Playground&FullyQualifiedName!~PanelBot.Tests.Manifest" \
    --logger "trx" --results-directory "$results/$now" || status=$?
done

# 6. The failed tests, each with the end of its message and the app's warnings and errors in its class at that date,
# then the counts: CI shows the end.
python3 - "$results" "$PANELBOT_TEST_LOGS/app.log" "${other_dates[@]}" <<'PY' || true
import glob, os, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
def count(folder):
    passed = failed = skipped = 0
    failures, aborted = [], []
    for f in glob.glob(os.path.join(folder, "*.trx")):
        root = ET.parse(f).getroot()
        c = root.find("t:ResultSummary/t:Counters", ns)
        if c is None: continue
        passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
        skipped += int(c.get("notExecuted", 0))
        for r in root.iterfind(".//t:UnitTestResult", ns):
            if r.get("outcome") == "Failed":
                message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
                failures.append((r.get("testName"), (message.text or "") if message is not None else ""))
        aborted += [text for info in root.iterfind(".//t:RunInfo", ns)
                    if (text := info.findtext("t:Text", "", ns)).startswith("The active test run was aborted")]
    # A run the hang limit (or a crash) ended: the tests its blame sequence never saw complete.
    if aborted:
        unfinished = [t.get("Name") for s in glob.glob(os.path.join(folder, "*", "Sequence_*.xml"))
                      for t in ET.parse(s).getroot() if t.get("Completed") == "False"]
        for name in unfinished or ["(no test was running)"]:
            failed += 1
            failures.append((name + " [did not finish]", "\n".join(aborted)))
    return (passed, failed, skipped), failures
def app_log(name, date):
    # Sections are headed "== at PanelBot.Tests.Ns.Class.Method(...) at DATE": those of the failed test's class.
    try: text = open(sys.argv[2]).read()
    except OSError: return []
    cls = name.split("(")[0].rsplit(".", 1)[0]
    lines = []
    for section in text.split("\n== "):
        head = section.splitlines()[0] if section else ""
        body = [l for l in section.strip().splitlines()[1:] if not l.startswith(NOISE)]
        if cls + "." in head and head.endswith(" at " + date) and body:
            lines += ["== " + head.removeprefix("== ")] + body
    return lines
# Said by every test app: dev-mode authentication and data-protection keys kept unencrypted.
NOISE = ("Warning PanelBot.BotFramework.Hosting.AuthenticationModeWarning", "Warning Microsoft.AspNetCore.DataProtection")
def tail(lines, first, last):
    return lines if len(lines) <= first + last else lines[:first] + ["... (%d lines)" % (len(lines) - first - last)] + lines[-last:]
folders = [(d, os.path.join(sys.argv[1], d)) for d in sys.argv[3:]] + [("the default date", sys.argv[1])]
results = [(d,) + count(f) for d, f in folders]
for date, _, failures in results:
    for name, message in failures:
        print("\nFAILED at %s: %s\n  %s" % (date, name, "\n  ".join(tail(message.strip().splitlines(), 4, 24))))
        log = app_log(name, date)
        if log: print("  The app's warnings and errors in this class at this date:\n    " + "\n    ".join(tail(log, 0, 60)))
print()
for date, counts, _ in results:
    print("at %s: %d passed, %d failed, %d skipped" % ((date,) + counts))
PY
exit $status
