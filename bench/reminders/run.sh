#!/usr/bin/env bash
# Reminder benchmark: 1,000 events x 100 going attendees on SQLite, Release build, pinned to one core.
# Usage: bench/reminders/run.sh [EVENTS] [ATTENDEES] [CPU]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -nologo -v quiet Reminders.Bench.csproj
exec taskset -c "${3:-1}" dotnet bin/Release/net10.0/Reminders.Bench.dll "${1:-1000}" "${2:-100}"
