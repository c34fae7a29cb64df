#!/usr/bin/env bash
# overload-report.sh RESULTS_DIR: turns the overload run's results.jsonl into report.md, with each
# step's goodput relative to the same server and operation at the fewest connections.
set -euo pipefail
DIR="$1"
{
  echo "# Inkwell overload run $(basename "$DIR")"
  echo
  echo '```'
  cat "$DIR/environment.txt"
  echo '```'
  echo
  echo "| server | operation | connections | goodput/s | vs fewest | p99 of successes ms | p50 ms | shed (503) | other errors | client time-outs | load before |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  jq -s -r 'group_by([.server, .op]) | .[] | (sort_by(.connections)) as $rows | ($rows[0].goodput) as $base
    | $rows[] | "| \(.server) | \(.op) | \(.connections) | \(.goodput) | \(if $base > 0 then (.goodput / $base * 100 | floor | tostring) + "%" else "-" end) | \(.ok_p99_ms) | \(.ok_p50_ms) | \(.shed_503) | \(.other_non2xx + .gql_errors + .socket_errors) | \(.timeouts) | \(.load1_before) |"' \
    "$DIR/results.jsonl"
} > "$DIR/report.md"
