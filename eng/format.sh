#!/usr/bin/env bash
# Applies the .editorconfig style to src with dotnet format: the rules the build enforces (braces IDE0011, field
# names IDE1006, using placement IDE0065, file-scoped namespaces IDE0161), then whitespace. The result is mechanical:
# after a rebase, drop the commit that holds it and run this again instead of resolving its conflicts by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for project in src/*/*.csproj; do
  dotnet format style "$project" --diagnostics IDE0011 IDE1006 IDE0065 IDE0161 --severity info --verbosity quiet
  dotnet format whitespace "$project" --verbosity quiet
done
