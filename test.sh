#!/usr/bin/env bash
# Runs every test: starts a throw-away Azurite and MailDev, builds Functions.sln (Release), runs the browser
# tests beside the other test projects (`dotnet test --no-build`), always stops the services, and exits
# non-zero when a test project failed.
#
#   ./test.sh                                   everything
#   ./test.sh --filter "FullyQualifiedName~Routing"   extra arguments go to dotnet test
#
# Needs the .NET 10 SDK, Node 20+ and npm; installs the rest (npm tools, and Debian's chromium once a
# browser test project exists). Tests find the services through these variables:
#   CE_TEST_STORAGE_CONNECTION_STRING  Azurite, dev account, explicit endpoints on 127.0.0.1:10010-10012
#   CE_TEST_SMTP_HOST, CE_TEST_SMTP_PORT   MailDev SMTP (127.0.0.1:1026)
#   CE_TEST_MAILBOX_URL                MailDev web base URL (http://127.0.0.1:1081); its REST API is under
#                                      /api: GET /api/email lists messages, DELETE /api/email/all empties it
#   CE_TEST_CHROMIUM_PATH              path of chromium, set when it is installed
# The ports above are the defaults; CE_TEST_PORT_OFFSET=N adds N to each of them.
# Test results (TRX) are written to artifacts/test-results/. A single test running longer than
# CE_TEST_HANG_TIMEOUT (default 5m) is stopped and reported as hanging.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

# CE_TEST_PORT_OFFSET (default 0) moves every port, so that two checkouts can run their tests at once.
offset="${CE_TEST_PORT_OFFSET:-0}"
BLOB_PORT=$((10010 + offset)) QUEUE_PORT=$((10011 + offset)) TABLE_PORT=$((10012 + offset))
SMTP_PORT=$((1026 + offset)) MAILBOX_PORT=$((1081 + offset))
RESULTS_DIR="$CE_ROOT/artifacts/test-results"

ce_require_cmd dotnet node npm
ce_require_free_ports "Azurite blob=$BLOB_PORT" "Azurite queue=$QUEUE_PORT" "Azurite table=$TABLE_PORT" \
  "MailDev SMTP=$SMTP_PORT" "MailDev web=$MAILBOX_PORT"
ce_install_tools

# Browser end-to-end tests use Debian's chromium (no browser download is possible on these machines).
if [ -d tests/E2E.Tests ] && ! command -v chromium >/dev/null 2>&1; then
  ce_log "Installing chromium (apt-get) for tests/E2E.Tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
if command -v chromium >/dev/null 2>&1; then
  export CE_TEST_CHROMIUM_PATH="$(command -v chromium)"
fi

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/ce-test.XXXXXX")"
ce_cleanup_add "$work_dir"

ce_log "Starting Azurite (blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT) and MailDev (SMTP $SMTP_PORT, web $MAILBOX_PORT)"
ce_start_azurite "$work_dir/azurite" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"
ce_start_maildev "$work_dir/maildev" "$SMTP_PORT" "$MAILBOX_PORT"

export CE_TEST_STORAGE_CONNECTION_STRING="$(ce_storage_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")"
export CE_TEST_SMTP_HOST=127.0.0.1
export CE_TEST_SMTP_PORT="$SMTP_PORT"
export CE_TEST_MAILBOX_URL="http://127.0.0.1:$MAILBOX_PORT"

rm -rf "$RESULTS_DIR"
ce_log "dotnet build Functions.sln -c Release"
dotnet build Functions.sln -c Release -nologo -v q

# Two lanes at once, each in its own process group like the services (the exit trap also stops them on Ctrl-C
# or TERM): the browser tests, which mostly wait on Chromium and on second-long workflow delays, beside the
# other projects one after another. Sequentially the browser lane alone took 6 of the 11 minutes, idle most of
# it. Each line is prefixed with its lane. A test that hangs is stopped after CE_TEST_HANG_TIMEOUT (VSTest
# names it in the output) instead of holding CI until its own limit.
test_args=(-c Release --no-build -nologo --logger "console;verbosity=minimal"
  --results-directory "$RESULTS_DIR" --blame-hang-timeout "${CE_TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type none)
browser_lane() {
  dotnet test tests/E2E.Tests "${test_args[@]}" --logger "trx;LogFileName=E2E.Tests.trx" "$@"
}
other_lane() {
  local project lane_rc=0
  for project in tests/Core.Tests tests/Infra.Tests tests/Integration.Tests; do
    dotnet test "$project" "${test_args[@]}" --logger "trx;LogFileName=${project#tests/}.trx" "$@" || lane_rc=1
  done
  return "$lane_rc"
}
prefixed() { # prefixed TAG FUNCTION ARGS... : runs FUNCTION with its output prefixed by TAG, keeping its exit code
  local tag="$1"
  shift
  set -o pipefail
  "$@" 2>&1 | sed -u "s/^/[$tag] /"
}
export -f browser_lane other_lane prefixed
lane_pids=()
if [ -d tests/E2E.Tests ]; then
  ce_start_bg "browser tests" - bash -c "$(declare -p test_args); prefixed e2e browser_lane \"\$@\"" _ "$@"
  lane_pids+=("$CE_LAST_PID")
fi
ce_start_bg "other tests" - bash -c "$(declare -p test_args); prefixed tests other_lane \"\$@\"" _ "$@"
lane_pids+=("$CE_LAST_PID")
rc=0
set +e
for pid in "${lane_pids[@]}"; do
  wait "$pid" || rc=1
done
set -e

[ "$rc" -eq 0 ] || ce_err "A test project failed (see the [e2e] and [tests] lines above)."
ce_log "Stopping Azurite and MailDev"
ce_stop_all
# One closing line over all test projects, from the TRX files: "Tests: N passed, N failed, N skipped".
shopt -s nullglob
trx_files=("$RESULTS_DIR"/*.trx)
if [ ${#trx_files[@]} -gt 0 ]; then
  sed -n 's/.*<Counters \(.*\)\/>.*/\1/p' "${trx_files[@]}" | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); n[kv[1]] += kv[2] } }
    END { printf "Tests: %d passed, %d failed, %d skipped\n", n["passed"], n["failed"] + n["error"] + n["timeout"] + n["aborted"], n["total"] - n["executed"] }'
fi
exit "$rc"
