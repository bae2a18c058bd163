#!/bin/sh
# Installs the third-party parsers the interop tests run (PanelBot.Calendar.Tests, class IcsInteropTests).
# Needs root for apt and network access to the apt and npm registries. CI=1 makes missing tools a test failure.
set -eu
cd "$(dirname "$0")"
apt-get update
apt-get install -y python3-icalendar
npm ci
