# shellcheck shell=bash
# Shared functions for ./run.sh and ./test.sh: local Azure Storage (Azurite) and SMTP capture (MailDev).
# Source this file from bash; it does not run anything by itself.
#
#   ce_install_tools                                   npm ci of site/ and tools/local when node_modules is missing or stale
#   ce_require_free_ports NAME=PORT...                 fail, naming every port already taken
#   ce_start_azurite DATA_DIR BLOB QUEUE TABLE         Azurite on 127.0.0.1, waits until the 3 ports answer
#   ce_start_maildev DATA_DIR SMTP_PORT WEB_PORT       MailDev on 127.0.0.1, waits until both ports answer
#   ce_storage_connection_string BLOB QUEUE TABLE      well-known dev account with explicit endpoints
#   ce_start_bg NAME LOG CMD...                        any other process, tracked like the services
#   ce_cleanup_add PATH...                             remove PATH on exit
#   ce_stop_all                                        stop what this script started (installed as an EXIT trap)
#
# Every process started here runs in its own session (setsid) so that stopping it stops its children,
# and ce_stop_all runs on exit, Ctrl-C and TERM.

CE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CE_TOOLS_DIR="$CE_ROOT/tools/local"
CE_BIN="$CE_TOOLS_DIR/node_modules/.bin"
CE_WAIT_TIMEOUT="${CE_WAIT_TIMEOUT:-60}"   # seconds to wait for a port to answer

# The well-known Azurite development account key (public, documented by Microsoft; not a secret).
CE_DEV_ACCOUNT="devstoreaccount1"
CE_DEV_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

CE_PIDS=()     # pids (= session/process-group ids) of what we started, in start order
CE_NAMES=()
CE_LOGS=()
CE_CLEANUP=()  # paths removed on exit, after the processes are stopped

# No telemetry, no first-run banners, and no build servers left running once a script ends.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export UseSharedCompilation=false UseRazorBuildServer=false

ce_log() { if [ -t 2 ]; then printf '\033[1m==>\033[0m %s\n' "$*" >&2; else printf '==> %s\n' "$*" >&2; fi; }
ce_err() { if [ -t 2 ]; then printf '\033[31merror:\033[0m %s\n' "$*" >&2; else printf 'error: %s\n' "$*" >&2; fi; }
ce_die() { ce_err "$*"; exit 1; }

ce_require_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || ce_die "'$c' is not installed (needed: .NET 10 SDK, Node 20+ and npm)."
  done
}

# Installs site/ and tools/local/node_modules from their lock files when missing or older than the lock file.
ce_install_tools() {
  ce_require_cmd node npm
  ce_install_site
  local stamp="$CE_TOOLS_DIR/node_modules/.package-lock.json"
  # vnu.jar: the Nu Html Checker the Infra tests run (tests/Infra.Tests/Site); lighthouse: scripts/lighthouse.sh.
  if [ -x "$CE_BIN/azurite" ] && [ -x "$CE_BIN/maildev" ] && [ -x "$CE_BIN/lighthouse" ] \
     && [ -f "$CE_TOOLS_DIR/node_modules/vnu-jar/build/dist/vnu.jar" ] && [ -f "$stamp" ] \
     && [ ! "$CE_TOOLS_DIR/package-lock.json" -nt "$stamp" ]; then
    return 0
  fi
  ce_log "Installing local tools (Azurite, MailDev, Lighthouse, Nu Html Checker) with npm ci --prefix tools/local"
  npm ci --prefix "$CE_TOOLS_DIR" --no-audit --no-fund --loglevel=error >/dev/null \
    || ce_die "npm ci --prefix tools/local failed."
}

# The site's design system (@gouvfr/dsfr, pinned in site/package-lock.json): npm ci --prefix site, whose postinstall
# copies what the pages use into site/vendor/dsfr/. Run from site/ because the package's preinstall looks for the
# acceptance of its terms of use (site/.dsfr.yml) in the directory npm is started from.
ce_install_site() {
  local site="$CE_ROOT/site" stamp="$CE_ROOT/site/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ ! "$site/package-lock.json" -nt "$stamp" ] && [ -f "$site/vendor/dsfr/dsfr.min.css" ] \
     && [ ! "$site/scripts/vendor-dsfr.mjs" -nt "$site/vendor/dsfr/dsfr.min.css" ]; then
    return 0
  fi
  ce_log "Installing the site's design system with npm ci --prefix site"
  (cd "$site" && npm ci --prefix . --no-audit --no-fund --loglevel=error >/dev/null) \
    || ce_die "npm ci --prefix site failed."
}

# True when something accepts TCP connections on 127.0.0.1:$1.
ce_port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# ce_require_free_ports "Azurite blob=10000" "MailDev SMTP=1025" ...
ce_require_free_ports() {
  local spec name port taken=()
  for spec in "$@"; do
    name="${spec%=*}" port="${spec##*=}"
    if ce_port_open "$port"; then
      taken+=("  127.0.0.1:$port ($name)$(ce_port_owner "$port")")
    fi
  done
  if [ ${#taken[@]} -gt 0 ]; then
    ce_err "these ports are already in use:"
    printf '%s\n' "${taken[@]}" >&2
    ce_die "stop whatever holds them (a previous run still going?) and try again."
  fi
}

# " - held by pid N (command)" when ss can tell, else nothing.
ce_port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  local pid
  pid="$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)"
  [ -n "$pid" ] || return 0
  printf ' - held by pid %s (%s)' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-100)"
}

# ce_start_bg NAME LOGFILE CMD [ARGS...] : starts CMD in its own session, output to LOGFILE (or the
# terminal when LOGFILE is "-"). Sets CE_LAST_PID.
ce_start_bg() {
  local name="$1" logfile="$2"
  shift 2
  if [ "$logfile" = "-" ]; then
    setsid "$@" </dev/null &
  else
    mkdir -p "$(dirname "$logfile")"
    setsid "$@" </dev/null >"$logfile" 2>&1 &
  fi
  CE_LAST_PID=$!
  CE_PIDS+=("$CE_LAST_PID")
  CE_NAMES+=("$name")
  CE_LOGS+=("$logfile")
}

ce_alive() { kill -0 -- "-$1" 2>/dev/null || kill -0 "$1" 2>/dev/null; }

# Prints the last lines of the log of the process named $1.
ce_show_log() {
  local i
  for i in "${!CE_NAMES[@]}"; do
    if [ "${CE_NAMES[$i]}" = "$1" ] && [ "${CE_LOGS[$i]}" != "-" ] && [ -f "${CE_LOGS[$i]}" ]; then
      printf -- '--- last lines of %s ---\n' "${CE_LOGS[$i]}" >&2
      tail -n 30 "${CE_LOGS[$i]}" >&2
    fi
  done
}

# ce_wait_port NAME PID PORT... : waits until every port answers, fails if PID dies or on timeout.
ce_wait_port() {
  local name="$1" pid="$2" port deadline
  shift 2
  deadline=$((SECONDS + CE_WAIT_TIMEOUT))
  for port in "$@"; do
    until ce_port_open "$port"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        ce_show_log "$name"
        ce_die "$name exited before 127.0.0.1:$port answered."
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        ce_show_log "$name"
        ce_die "timed out after ${CE_WAIT_TIMEOUT}s waiting for $name on 127.0.0.1:$port."
      fi
      sleep 0.2
    done
  done
}

# ce_start_azurite DATA_DIR BLOB_PORT QUEUE_PORT TABLE_PORT
ce_start_azurite() {
  local dir="$1" blob="$2" queue="$3" table="$4"
  mkdir -p "$dir"
  ce_start_bg azurite "$dir/azurite.log" "$CE_BIN/azurite" \
    --disableTelemetry --skipApiVersionCheck --loose --silent \
    --location "$dir" \
    --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table"
  ce_wait_port azurite "$CE_LAST_PID" "$blob" "$queue" "$table"
}

# ce_start_maildev DATA_DIR SMTP_PORT WEB_PORT
# Mail is kept in DATA_DIR/mail. MailDev gets an explicit config file so that no stray .maildevrc or
# MAILDEV_* variable can turn on relaying (it never opens a browser nor sends anything out otherwise).
ce_start_maildev() {
  local dir="$1" smtp="$2" web="$3"
  mkdir -p "$dir/mail"
  cat >"$dir/maildev.json" <<EOF
{ "smtp": $smtp, "ip": "127.0.0.1", "web": $web, "webIp": "127.0.0.1", "mailDirectory": "$dir/mail" }
EOF
  local unset_args=() v
  for v in $(compgen -e | grep '^MAILDEV_' || true); do unset_args+=(-u "$v"); done
  ce_start_bg maildev "$dir/maildev.log" env "${unset_args[@]}" "$CE_BIN/maildev" \
    --config "$dir/maildev.json" --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1
  ce_wait_port maildev "$CE_LAST_PID" "$smtp" "$web"
}

# ce_storage_connection_string BLOB_PORT QUEUE_PORT TABLE_PORT
ce_storage_connection_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;QueueEndpoint=http://127.0.0.1:%s/%s;TableEndpoint=http://127.0.0.1:%s/%s;' \
    "$CE_DEV_ACCOUNT" "$CE_DEV_KEY" "$1" "$CE_DEV_ACCOUNT" "$2" "$CE_DEV_ACCOUNT" "$3" "$CE_DEV_ACCOUNT"
}

# ce_cleanup_add PATH... : removed on exit.
ce_cleanup_add() { CE_CLEANUP+=("$@"); }

# Stops what was started, newest first: TERM to the whole process group, KILL after 10 s.
ce_stop_all() {
  local i pid deadline
  for ((i = ${#CE_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${CE_PIDS[$i]}"
    ce_alive "$pid" || continue
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  done
  deadline=$((SECONDS + 10))
  for ((i = ${#CE_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${CE_PIDS[$i]}"
    while ce_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if ce_alive "$pid"; then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null || true
  done
  CE_PIDS=() CE_NAMES=() CE_LOGS=()
}

ce_on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if [ ${#CE_PIDS[@]} -gt 0 ]; then
    ce_log "Stopping ${CE_NAMES[*]}"
    ce_stop_all
  fi
  [ ${#CE_CLEANUP[@]} -eq 0 ] || rm -rf -- "${CE_CLEANUP[@]}"
  exit "$rc"
}

trap ce_on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
