#!/usr/bin/env bash
# The README's test command (npm test): types, lint, then one vitest run of every project; prints
# each layer's duration at the end so that the CI's time can be read, not guessed.
set -euo pipefail
cd "$(dirname "$0")/.."
durees=()
etape() {
  local nom="$1"; shift
  local debut=$SECONDS
  "$@"
  durees+=("$(printf '  %-14s %6d s' "$nom" $((SECONDS - debut)))")
}
etape typecheck npm run typecheck
etape lint npm run lint
etape vitest npx vitest run
printf '\nDurée par étape :\n'
printf '%s\n' "${durees[@]}"
