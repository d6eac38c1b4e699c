#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): findings as workflow annotations, optionally
# SARIF for code scanning, the scores in the job summary, and the max-warnings and min-score
# gates. Inputs arrive as FULCRUM_* environment variables. Exit 1 when a gate fails or a finding
# is an error, 2 on usage or input errors (an unreadable file, a broken config), else 0.
set -uo pipefail

fulcrum=(node "$(dirname "$0")/../bin/fulcrum.js")
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( node_major < 20 )); then
  echo "::error title=Fulcrum::Fulcrum needs Node.js 20 or later on the runner (found ${node_major})."
  exit 2
fi

# Paths are split on spaces; globs are left for Fulcrum to expand (read does not glob).
read -r -a paths <<< "${FULCRUM_PATHS:-.}"
(( ${#paths[@]} )) || paths=(.)
common=()
[[ -n "${FULCRUM_PROFILE:-}" ]] && common+=(--profile "$FULCRUM_PROFILE")
[[ -n "${FULCRUM_CONFIG:-}" ]] && common+=(--config "$FULCRUM_CONFIG")

status=0
# The worse of two exit codes: 2 (input errors) over 1 (findings, gates) over 0.
worst() { (( $1 > status )) && status=$1; return 0; }

check=(check "${paths[@]}" "${common[@]}" --format github --no-color)
[[ -n "${FULCRUM_MAX_WARNINGS:-}" ]] && check+=(--max-warnings "$FULCRUM_MAX_WARNINGS")
"${fulcrum[@]}" "${check[@]}"
worst $?

if [[ -n "${FULCRUM_SARIF_FILE:-}" ]]; then
  # Same findings as above, so only a failure to write the file counts here.
  "${fulcrum[@]}" check "${paths[@]}" "${common[@]}" --format sarif > "$FULCRUM_SARIF_FILE"
  code=$?
  (( code == 2 )) && worst 2
  echo "sarif-file=$FULCRUM_SARIF_FILE" >> "${GITHUB_OUTPUT:-/dev/null}"
fi

score=(score "${paths[@]}" "${common[@]}" --no-color)
[[ -n "${FULCRUM_MIN_SCORE:-}" ]] && score+=(--min-score "$FULCRUM_MIN_SCORE")
table=$("${fulcrum[@]}" "${score[@]}")
worst $?
echo "$table"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  { echo '### Fulcrum scores'; echo; echo '```text'; echo "$table"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$status"
