#!/usr/bin/env bash
# Runs bench/load.sh on an older commit (built in a throw-away git worktree) and then on this working tree, one
# after the other on the same machine, and prints both result tables: the side-by-side comparison of a change.
#
#   bench/compare.sh a2caf1d                    the engine before the Durable port, then this tree
#   bench/compare.sh a2caf1d --needs 200        options go to both load drivers
#
# Results: artifacts/compare/<commit>.md and artifacts/compare/working-tree.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-}" in
  "" | -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
old="$1"
shift
out="artifacts/compare"
mkdir -p "$out"
tree="$(mktemp -d "${TMPDIR:-/tmp}/ce-compare.XXXXXX")"
git worktree add --detach "$tree" "$old" >/dev/null
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
echo "==> bench/load.sh on $old" >&2
(cd "$tree" && bench/load.sh "$@")
cp "$tree/artifacts/load/results.md" "$out/$old.md"
echo "==> bench/load.sh on the working tree" >&2
bench/load.sh "$@"
cp artifacts/load/results.md "$out/working-tree.md"

printf '## %s\n\n' "$old"; cat "$out/$old.md"
printf '\n## working tree\n\n'; cat "$out/working-tree.md"
