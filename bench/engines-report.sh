#!/usr/bin/env bash
# engines-report.sh RESULTS_DIR: turns engines.sh's results.jsonl into report.md, one table with
# the servers side by side (columns) and every figure as a row: per operation the median req/s
# over the rounds (with their range), the median p50 and p99, and the ratio to the peer; for the
# feed, JVM CPU and allocation per request, peak resident memory, the first 60 s after start and
# the pgbench ceiling. PEER_NAME (PostGraphile) names the peer's column.
set -euo pipefail
DIR="$1"
{
  echo "# Execution engines side by side: $(basename "$DIR")"
  echo
  echo '```'
  cat "$DIR/environment.txt"
  echo '```'
  echo
  jq -s -r --arg peer "${PEER_NAME:-PostGraphile}" '
    def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
      else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def r1: if . == null then null else . * 10 | round / 10 end;
    def cell: if . == null then "—" else tostring end;
    def times: if . == null then "—" else (. * 100 | round / 100 | tostring) + "×" end;
    . as $all
    | ($all | map(select(.phase == "warm"))) as $warm
    | (["posts-nested", "post-by-slug", "search", "tag-page", "nodes"]) as $order
    | ($warm | map(.op) | unique | sort_by(. as $o | $order | index($o) // 99)) as $ops
    | ([$all[] | select(.phase != "pgbench") | .server] | reduce .[] as $s ([]; if index([$s]) then . else . + [$s] end)
       | sort_by(if . == "peer" then 1 else 0 end)) as $servers
    | ($servers | index(["peer"]) != null) as $has_peer
    | ($all | map(select(.phase == "cold") | .seconds // 60) | .[0] // 60) as $cold_s
    | {"posts-nested": "(a) feed", "post-by-slug": "(b) post page", "search": "(c) search", "tag-page": "(d) tag page", "nodes": "nodes"} as $names
    | def runs($s; $o): $warm | map(select(.server == $s and .op == $o));
      def rps($s; $o): runs($s; $o) | map(.rps) | median;
      def row($name; f): "| \($name) | " + ($servers | map(f | cell) | join(" | ")) + " |";
      def inkwell: if . == "peer" then null else . end;
    ( "| figure | " + ($servers | map(if . == "peer" then $peer else . end) | join(" | ")) + " |",
      "| --- |" + ($servers | map(" ---: |") | join("")),
      ( $ops[] as $o
        | ($names[$o] // $o) as $l
        | row("\($l): req/s, median (range)"; . as $s | runs($s; $o) as $r
            | if ($r | length) == 0 then null
              else "\(rps($s; $o) | r1)" + (if ($r | length) > 1 then " (\($r | map(.rps) | min)–\($r | map(.rps) | max))" else "" end) end),
          row("\($l): p50 / p99 ms"; . as $s | runs($s; $o) as $r
            | if ($r | length) == 0 then null else "\($r | map(.p50_ms) | median | r1) / \($r | map(.p99_ms) | median | r1)" end),
          (if $has_peer then row("\($l): req/s ÷ \($peer)"; . as $s
            | if $s == "peer" then null
              else (rps("peer"; $o)) as $p | if $p == null or $p == 0 or rps($s; $o) == null then null else (rps($s; $o) / $p | times) end end)
           else empty end) ),
      row("feed: JVM CPU ms per request"; inkwell | if . == null then null else runs(.; "posts-nested") | map(.cpu_ms_per_request // empty) | median end),
      row("feed: allocated KB per request"; inkwell | if . == null then null else runs(.; "posts-nested") | map(.alloc_kb_per_request // empty) | median end),
      row("peak resident memory under load, MB (any operation)"; inkwell | if . == null then null else . as $s | $all | map(select(.server == $s) | .rss_mb // empty) | max end),
      row("feed: req/s in the first \($cold_s) s after start (ready after s)"; . as $s | $all | map(select(.phase == "cold" and .server == $s)) | .[0]
        | if . == null then null else "\(.rps) (\(.ready_s) s)" end),
      (if $has_peer then row("feed: first \($cold_s) s ÷ \($peer) warmed"; . as $s | $all | map(select(.phase == "cold" and .server == $s)) | .[0]
        | if . == null then null else (rps("peer"; "posts-nested")) as $p | if $p == null or $p == 0 then null else (.rps / $p | times) end end)
       else empty end),
      row("feed: pgbench ceiling of its statements, tx/s (statements)"; . as $s | $all | map(select(.phase == "pgbench" and .server == $s)) | .[0]
        | if . == null then null else "\(.tps | r1) (\(.statements))" end),
      row("feed: req/s as % of that ceiling"; . as $s | $all | map(select(.phase == "pgbench" and .server == $s)) | .[0]
        | if . == null or rps($s; "posts-nested") == null then null else "\(rps($s; "posts-nested") / .tps * 100 | r1)%" end),
      row("errors in all measured runs (non-2xx + GraphQL errors + socket errors)"; . as $s
        | $all | map(select(.server == $s and .phase != "pgbench") | .non2xx + .gql_errors + .socket_errors) | add)
    )' "$DIR/results.jsonl"
  echo
  echo "Medians over the alternating rounds (p50 and p99: the median of each); range = lowest and highest"
  echo "req/s of the rounds. CPU from /proc/<pid>/stat, allocation from jstat and -Xlog:gc+heap (see"
  echo "bench/engines.sh), both over the measured runs of the feed; the pgbench ceiling runs the"
  echo "statements one feed request ran (raw/feed.<engine>.sql) with -M prepared at the same connections."
  echo "Raw wrk output, server and GC logs in raw/."
} > "$DIR/report.md"
