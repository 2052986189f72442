#!/usr/bin/env bash
# Runs the service locally: Azurite (Azure Storage), MailDev (SMTP capture + web mailbox) and the app on
# http://127.0.0.1:7071. Ctrl-C stops everything.
#
#   ./run.sh                   build, start the services, run the app
#   ./run.sh --services-only   only Azurite and MailDev (run the app from your IDE with the printed settings)
#
# Needs the .NET 10 SDK, Node 20+ and npm. Local state lives in .local/ (gitignored): Azurite data,
# captured mail, the link signing key. Delete .local/ to start from scratch.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

services_only=false
case "${1:-}" in
  "") ;;
  --services-only) services_only=true ;;
  -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) ce_die "unknown argument '$1' (try --help)" ;;
esac

APP_PROJECT=functions/LocalHost/LocalHost.csproj
APP_PORT=7071
BLOB_PORT=10000 QUEUE_PORT=10001 TABLE_PORT=10002
SMTP_PORT=1025 MAILBOX_PORT=1080
LOCAL_DIR="$CE_ROOT/.local"
SITE_URL="http://127.0.0.1:$APP_PORT"
MAILBOX_URL="http://127.0.0.1:$MAILBOX_PORT"
OPERATOR_EMAIL="operateur@conseillers-entreprises.local"

ce_require_cmd dotnet node npm
ports=("Azurite blob=$BLOB_PORT" "Azurite queue=$QUEUE_PORT" "Azurite table=$TABLE_PORT"
       "MailDev SMTP=$SMTP_PORT" "MailDev web mailbox=$MAILBOX_PORT")
$services_only || ports+=("app=$APP_PORT")
ce_require_free_ports "${ports[@]}"
ce_install_tools

if ! $services_only; then
  ce_log "Building $APP_PROJECT"
  dotnet build "$APP_PROJECT" -nologo -v quiet || ce_die "the build failed (see above)."
fi

# The link signing secret is made once per clone and kept out of git.
mkdir -p "$LOCAL_DIR"
if [ ! -s "$LOCAL_DIR/signing-key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 >"$LOCAL_DIR/signing-key")
  ce_log "Generated a link signing key in .local/signing-key"
fi

# Again, right before starting: the build may have taken a while.
ce_require_free_ports "${ports[@]}"
ce_log "Starting Azurite (blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT; data in .local/azurite)"
ce_start_azurite "$LOCAL_DIR/azurite" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"
ce_log "Starting MailDev (SMTP $SMTP_PORT, web mailbox $MAILBOX_PORT; mail in .local/maildev)"
ce_start_maildev "$LOCAL_DIR/maildev" "$SMTP_PORT" "$MAILBOX_PORT"

export Storage__ConnectionString="$(ce_storage_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")"
export Smtp__Host=127.0.0.1
export Smtp__Port="$SMTP_PORT"
export Email__From="Conseillers-Entreprises <contact@conseillers-entreprises.local>"
export Links__SigningKeys__0="local1=$(cat "$LOCAL_DIR/signing-key")"
export Site__BaseUrl="$SITE_URL"
export Operators__Emails__0="$OPERATOR_EMAIL"
export CompanyLookup__BaseUrl=https://recherche-entreprises.api.gouv.fr
export Directory__SeedDemo=true
# A year of demo needs (history) and a dozen open ones, stored once on first start (functions/DemoData/History).
export Directory__SeedDemoHistory=true
export Workflow__BusinessHoursOnly=true
# Shorter debounces than production (10 and 5 minutes) so that a demo sees the company's "taken on" email and the
# advisors' comment notices within half a minute.
export Workflow__CompanyNoticeDelay=00:00:30
export Workflow__CommentNoticeDelay=00:00:30
export ASPNETCORE_URLS="$SITE_URL"
app_settings=(Storage__ConnectionString Smtp__Host Smtp__Port Email__From Links__SigningKeys__0 Site__BaseUrl
              Operators__Emails__0 CompanyLookup__BaseUrl Directory__SeedDemo Directory__SeedDemoHistory Workflow__BusinessHoursOnly
              Workflow__CompanyNoticeDelay Workflow__CommentNoticeDelay
              ASPNETCORE_URLS)

if $services_only; then
  cat <<EOF

Azurite and MailDev are running. Web mailbox: $MAILBOX_URL/
Start the app with these settings, e.g. in another terminal:

EOF
  for name in "${app_settings[@]}"; do printf "  export %s='%s'\n" "$name" "${!name}"; done
  printf '  dotnet run --project %s --no-launch-profile\n\nCtrl-C stops Azurite and MailDev.\n' "$APP_PROJECT"
  # Keep the script (and its trap) alive until Ctrl-C or until a service dies.
  while ce_alive "${CE_PIDS[0]}" && ce_alive "${CE_PIDS[1]}"; do sleep 1; done
  ce_die "a service stopped unexpectedly (logs in .local/azurite/azurite.log, .local/maildev/maildev.log)."
fi

ce_log "Starting the app on $SITE_URL"
ce_start_bg app - dotnet run --project "$APP_PROJECT" --no-launch-profile --no-build
app_pid=$CE_LAST_PID
CE_WAIT_TIMEOUT=120 ce_wait_port app "$app_pid" "$APP_PORT"

cat <<EOF

Conseillers-Entreprises runs locally:
  Site          $SITE_URL/
  API health    $SITE_URL/api/health
  Catalogue     $SITE_URL/api/catalog
  Communes      $SITE_URL/api/communes?q=lyon
  Web mailbox   $MAILBOX_URL/   (MailDev; every email the app sends lands here, SMTP 127.0.0.1:$SMTP_PORT)
  Storage       Azurite on 127.0.0.1: blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT (data in .local/azurite)

Demo data (stored once on first start; delete .local/ to start afresh):
  2,000 fictional advisors, and 360 needs of the last 12 months (statistics, operators' baskets, advisors'
  inboxes), plus 12 recent needs waiting for their advisors: their emails, with the advisors' links, are in the
  web mailbox.

Company lookup: the form looks the SIRET up in the public API Recherche d'entreprises
  (https://recherche-entreprises.api.gouv.fr). When it cannot be reached (as on a machine without internet),
  the form asks for the company's commune instead, and the need is routed by that commune.

Operator sign-in link ($OPERATOR_EMAIL):
  curl -X POST $SITE_URL/api/admin/login-link -H 'content-type: application/json' -d '{"email":"$OPERATOR_EMAIL"}'
  then open the web mailbox $MAILBOX_URL/ and follow the link in the email.

Ctrl-C stops everything.

EOF

set +e
wait "$app_pid"
rc=$?
set -e
ce_err "the app exited (code $rc)."
exit "$rc"
