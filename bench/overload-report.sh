#!/usr/bin/env bash
# overload-report.sh RESULTS_DIR: turns the overload run's results.jsonl into report.md, with each
# step's goodput (the median of its runs) relative to the same server and operation at the fewest
# connections.
set -euo pipefail
DIR="$1"
{
  echo "# Inkwell overload run $(basename "$DIR")"
  echo
  echo '```'
  cat "$DIR/environment.txt"
  echo '```'
  echo
  echo "Per step, the median over the step's runs (ROUNDS); each run's goodput is listed after it."
  echo
  echo "| server | operation | connections | goodput/s | vs fewest | runs | p99 of successes ms | p50 ms | shed (503) | other errors | client time-outs | CPU cores: server / database / machine |"
  echo "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |"
  # Medians of runs, so that one noisy run (two shared cores, a JIT still at work) decides nothing;
  # the base is the median at the fewest connections.
  jq -s -r 'def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def r1: . * 10 | round / 10;
    # CPU cores of a step: the median of the runs that measured it. Runs recorded before processes
    # that ended mid-run were left out of the count (2026-12-02-overload-8) can hold negative figures.
    def cores(k): map(.[k] // null | select(. != null and . >= 0)) | if length == 0 then "-" else median * 100 | round / 100 | tostring end;
    group_by([.server, .op]) | .[] | (group_by(.connections) | map({connections: .[0].connections, server: .[0].server,
      op: .[0].op, goodput: (map(.goodput) | median), runs: map(.goodput | r1), p99: (map(.ok_p99_ms) | median),
      p50: (map(.ok_p50_ms) | median), shed: (map(.shed_503) | add), other: (map(.other_non2xx + .gql_errors + .socket_errors) | add),
      timeouts: (map(.timeouts) | add),
      cpu: ([cores("cpu_server_cores"), cores("cpu_db_cores"), cores("cpu_busy_cores")] | join(" / "))})) as $steps | ($steps[0].goodput) as $base
    | $steps[] | "| \(.server) | \(.op) | \(.connections) | \(.goodput | r1) | \(if $base > 0 then (.goodput / $base * 100 | floor | tostring) + "%" else "-" end) | \(.runs | map(tostring) | join(", ")) | \(.p99 | r1) | \(.p50 | r1) | \(.shed) | \(.other) | \(.timeouts) | \(.cpu) |"' \
    "$DIR/results.jsonl"
} > "$DIR/report.md"
