#!/usr/bin/env bash
# End-to-end load test (issue 3): builds, starts a throw-away Azurite and MailDev, a fake API Recherche
# d'entreprises and the app (Release) on ports of its own, drives it with bench/LoadDriver, prints a Markdown
# table of the figures, and stops everything whatever happened.
#
#   bench/load.sh                                  the default run (a few minutes on 2 cores)
#   bench/load.sh --needs 200 --duration 15        smaller; options go to the driver (LoadDriver --help lists them)
#
# Ports (none shared with ./run.sh nor ./test.sh): Azurite 10020-10022, MailDev SMTP 1027 / web 1082,
# app 7072, fake company API 7073. Logs and the results (results.md) are kept in artifacts/load/.
# CE_LOAD_SEED (default 42) chooses the companies, for the fake API and the driver alike.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

case "${1:-}" in
  -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

APP_PROJECT=functions/LocalHost/LocalHost.csproj
DRIVER_PROJECT=bench/LoadDriver/LoadDriver.csproj
DRIVER_DLL=bench/LoadDriver/bin/Release/net10.0/ConseillersEntreprises.LoadDriver.dll
APP_PORT=7072 FAKE_API_PORT=7073
BLOB_PORT=10020 QUEUE_PORT=10021 TABLE_PORT=10022
SMTP_PORT=1027 MAILBOX_PORT=1082
OPERATOR_EMAIL="operateur@conseillers-entreprises.local"
SEED="${CE_LOAD_SEED:-42}"
OUT_DIR="$CE_ROOT/artifacts/load"
ports=("Azurite blob=$BLOB_PORT" "Azurite queue=$QUEUE_PORT" "Azurite table=$TABLE_PORT"
       "MailDev SMTP=$SMTP_PORT" "MailDev web=$MAILBOX_PORT" "app=$APP_PORT" "fake company API=$FAKE_API_PORT")

ce_require_cmd dotnet node npm
ce_require_free_ports "${ports[@]}"
ce_install_tools
# Whatever else runs on the machine competes with the measurement: say how busy it was before we started.
read -r load_before _ </proc/loadavg
if awk -v l="$load_before" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  ce_err "the machine is already busy (load average $load_before on $(nproc) cores): the figures will be pessimistic."
fi

ce_log "Building the app and the load driver (Release)"
dotnet build "$APP_PROJECT" -c Release -nologo -v quiet || ce_die "the app does not build (dotnet build $APP_PROJECT -c Release)."
dotnet build "$DRIVER_PROJECT" -c Release -nologo -v quiet || ce_die "the driver does not build (dotnet build $DRIVER_PROJECT -c Release)."

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/ce-load.XXXXXX")"
ce_cleanup_add "$work_dir"
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"

ce_require_free_ports "${ports[@]}"
ce_log "Starting Azurite (blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT) and MailDev (SMTP $SMTP_PORT, web $MAILBOX_PORT)"
ce_start_azurite "$work_dir/azurite" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"
ce_start_maildev "$work_dir/maildev" "$SMTP_PORT" "$MAILBOX_PORT"

ce_log "Starting the fake API Recherche d'entreprises on 127.0.0.1:$FAKE_API_PORT"
ce_start_bg fake-api "$OUT_DIR/fake-api.log" dotnet "$DRIVER_DLL" fake-api --port "$FAKE_API_PORT" --seed "$SEED"
ce_wait_port fake-api "$CE_LAST_PID" "$FAKE_API_PORT"

# As ./run.sh, plus: pacing and rate limits high enough not to throttle the measurement, exact (short) delays
# so that the debounced company notices go out during the run, and the usual production log levels.
app_env=(
  "Storage__ConnectionString=$(ce_storage_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")"
  "Smtp__Host=127.0.0.1"
  "Smtp__Port=$SMTP_PORT"
  "Email__From=Conseillers-Entreprises <contact@conseillers-entreprises.local>"
  "Email__MaxPerMinute=60000"
  "Links__SigningKeys__0=load=$(head -c 32 /dev/urandom | base64)"
  "Site__BaseUrl=http://127.0.0.1:$APP_PORT"
  "Operators__Emails__0=$OPERATOR_EMAIL"
  "CompanyLookup__BaseUrl=http://127.0.0.1:$FAKE_API_PORT"
  "Directory__SeedDemo=true"
  "RateLimits__NeedsPerHour=1000000"
  "RateLimits__PublicPerMinute=1000000"
  "Workflow__BusinessHoursOnly=false"
  "Workflow__CompanyNoticeDelay=00:00:02"
  # The driver reuses 100 companies: without this, their repeated submissions would wait in the review basket.
  "Moderation__DuplicateWindow=00:00:00"
  "Logging__LogLevel__Default=Information"
  "Logging__LogLevel__Microsoft.AspNetCore=Warning"
  "ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT"
)
ce_log "Starting the app on http://127.0.0.1:$APP_PORT (log in artifacts/load/app.log)"
ce_start_bg app "$OUT_DIR/app.log" env "${app_env[@]}" \
  dotnet run -c Release --project "$APP_PROJECT" --no-launch-profile --no-build
CE_WAIT_TIMEOUT=180 ce_wait_port app "$CE_LAST_PID" "$APP_PORT"

ce_log "Running the load driver"
# In its own process group like the services, so that the exit trap also stops it on Ctrl-C or TERM.
: >"$OUT_DIR/driver.log"
ce_start_bg driver "$OUT_DIR/driver.log" dotnet "$DRIVER_DLL" run \
  --app "http://127.0.0.1:$APP_PORT" --mailbox "http://127.0.0.1:$MAILBOX_PORT" --operator "$OPERATOR_EMAIL" \
  --seed "$SEED" --command "bench/load.sh${*:+ $*}" "$@"
driver_pid=$CE_LAST_PID
# Progress goes to the driver's stderr, the Markdown results to its stdout: both end up in driver.log.
tail -n +1 -f "$OUT_DIR/driver.log" --pid "$driver_pid" >&2 &
tail_pid=$!
set +e
wait "$driver_pid"
rc=$?
set -e
wait "$tail_pid" 2>/dev/null || true

# CPU time of each service over its whole life (start-up included), while they still run: who was busy.
cpu_line="CPU time used (s, start-up included):"
for i in "${!CE_PIDS[@]}"; do
  [ "${CE_NAMES[$i]}" != driver ] || continue
  secs="$(ps -s "${CE_PIDS[$i]}" -o times= 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')"
  cpu_line+=" ${CE_NAMES[$i]} $secs,"
done
cpu_line="${cpu_line%,}. Load average (1 min) before the run: $load_before."

if [ "$rc" -eq 0 ]; then
  { sed -n '/^Command: /,$p' "$OUT_DIR/driver.log"; printf '\n%s\n' "$cpu_line"; } >"$OUT_DIR/results.md"
  printf '\n%s\n' "$cpu_line"
  ce_log "Results in artifacts/load/results.md"
else
  ce_err "the load driver exited with code $rc (logs in artifacts/load/)."
fi
exit "$rc"
