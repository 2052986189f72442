#!/usr/bin/env bash
# Lighthouse (mobile preset, simulated throttling) on every public page of the site, in one headless Chromium;
# prints performance, LCP, CLS, TBT, accessibility, best practices and SEO per page.
#
#   scripts/lighthouse.sh                 builds and starts the app like the tests do (throw-away Azurite, demo
#                                         directory and history), measures it, stops everything
#   scripts/lighthouse.sh URL             measures a running site (e.g. http://127.0.0.1:7071 from ./run.sh)
#   scripts/lighthouse.sh [URL] --runs 3  each page three times; --json FILE writes the figures as JSON
#
# CE_TEST_PORT_OFFSET=N moves the ports it uses (app 7171, Azurite 10110-10112, unused SMTP 1126) by N.
# Needs Debian's chromium (CHROME_PATH, default /usr/bin/chromium); Lighthouse is pinned in tools/local.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

url=""
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then
  url="$1"
  shift
fi

ce_require_cmd node npm
ce_install_tools
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || ce_die "no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)."

if [ -z "$url" ]; then
  ce_require_cmd dotnet
  offset="${CE_TEST_PORT_OFFSET:-0}"
  APP_PORT=$((7171 + offset))
  BLOB_PORT=$((10110 + offset)) QUEUE_PORT=$((10111 + offset)) TABLE_PORT=$((10112 + offset))
  ce_require_free_ports "app=$APP_PORT" "Azurite blob=$BLOB_PORT" "Azurite queue=$QUEUE_PORT" "Azurite table=$TABLE_PORT"
  ce_log "Building functions/LocalHost (Release)"
  dotnet build functions/LocalHost/LocalHost.csproj -c Release -nologo -v quiet || ce_die "the build failed (see above)."
  work_dir="$(mktemp -d "${TMPDIR:-/tmp}/ce-lighthouse.XXXXXX")"
  ce_cleanup_add "$work_dir"
  ce_start_azurite "$work_dir/azurite" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"
  url="http://127.0.0.1:$APP_PORT"
  ce_log "Starting the app on $url (demo directory and history)"
  ce_start_bg app "$work_dir/app.log" env \
    Storage__ConnectionString="$(ce_storage_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")" \
    Smtp__Host=127.0.0.1 Smtp__Port=$((1126 + offset)) \
    Email__From="Conseillers-Entreprises <contact@conseillers-entreprises.local>" \
    Links__SigningKeys__0="lighthouse=$(head -c 32 /dev/urandom | base64)" \
    Site__BaseUrl="$url" Operators__Emails__0=operateur@conseillers-entreprises.local \
    CompanyLookup__BaseUrl=http://127.0.0.1:9 \
    Directory__SeedDemo=true Directory__SeedDemoHistory=true ASPNETCORE_URLS="$url" \
    dotnet functions/LocalHost/bin/Release/net10.0/ConseillersEntreprises.LocalHost.dll
  CE_WAIT_TIMEOUT=120 ce_wait_port app "$CE_LAST_PID" "$APP_PORT"
  # The demo history is written just after start-up: wait for the statistics to have it.
  for _ in $(seq 1 120); do
    curl -fsS "$url/api/stats" 2>/dev/null | grep -q '"total"' && break
    sleep 0.5
  done
fi

ce_log "Lighthouse on $url"
node tools/local/lighthouse.mjs "$url" "$@"
