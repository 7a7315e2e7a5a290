#!/usr/bin/env bash
# Runs every test of AkkaRpc on a fresh machine that has only the .NET SDK: installs what the tests need first
# (Debian's chromium, for the HTML report's browser tests), then `dotnet test` on the solution with TRX results in
# TestResults/. Extra arguments go to `dotnet test` (e.g. --filter). `.ci/run` runs exactly this script.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x /usr/bin/chromium ]]; then
  as_root=()
  if ((EUID != 0)); then as_root=(sudo); fi
  echo "+ ${as_root[*]:+${as_root[*]} }apt-get install -y chromium (the HTML report's tests render it in headless chromium)"
  # env, not an assignment prefix: sudo would drop the variable.
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null; then
    echo "warning: could not install chromium; the HTML report's browser tests will fail and say how to install it." >&2
  fi
fi

exec dotnet test AkkaRpc.sln --logger trx --results-directory TestResults "$@"
