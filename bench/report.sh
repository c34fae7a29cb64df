#!/usr/bin/env bash
# report.sh RESULTS_DIR: turns results.jsonl (one line per wrk run) into report.md and chart.svg,
# taking the median run (by requests/s) of each operation.
set -euo pipefail
DIR="$1"
# the median run of each operation, in the benchmark's order
medians="$(jq -s -c 'group_by(.op) | map(sort_by(.rps) | .[(length - 1) / 2 | floor])
  | sort_by(.op as $o | ["posts-nested","post-by-slug","search","tag-page","nodes"] | index($o))' "$DIR/results.jsonl")"

{
  echo "# Inkwell benchmark $(basename "$DIR")"
  echo
  echo '```'
  cat "$DIR/environment.txt"
  echo '```'
  echo
  echo "| operation | req/s | p50 ms | p99 ms | SQL statements / request | errors | avg response bytes | server RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  jq -r '.[] | "| \(.op) | \(.rps) | \(.p50_ms) | \(.p99_ms) | \(.statements_per_request) | \(.non2xx + .gql_errors + .socket_errors) | \(.avg_body_bytes) | \(.rss_mb) |"' <<<"$medians"
  echo
  echo "![requests/s and p99 per operation](chart.svg)"
} > "$DIR/report.md"

# A plain SVG bar chart: requests/s (left axis) and p99 latency (right axis) per operation.
jq -r '.[] | "\(.op) \(.rps) \(.p99_ms)"' <<<"$medians" | awk '
  { op[NR] = $1; rps[NR] = $2; p99[NR] = $3; if ($2 > maxr) maxr = $2; if ($3 > maxp) maxp = $3 }
  END {
    w = 140 * NR + 120; h = 360; base = 300; top = 40
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
    printf "<text x=\"10\" y=\"20\" font-size=\"14\">Inkwell: requests/s (blue) and p99 latency in ms (orange)</text>\n"
    printf "<line x1=\"60\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", base, w - 40, base
    for (i = 1; i <= NR; i++) {
      x = 80 + (i - 1) * 140
      hr = (maxr > 0) ? (base - top) * rps[i] / maxr : 0
      hp = (maxp > 0) ? (base - top) * p99[i] / maxp : 0
      printf "<rect x=\"%d\" y=\"%.1f\" width=\"50\" height=\"%.1f\" fill=\"#2563eb\"/>\n", x, base - hr, hr
      printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x + 25, base - hr - 4, rps[i]
      printf "<rect x=\"%d\" y=\"%.1f\" width=\"50\" height=\"%.1f\" fill=\"#f97316\"/>\n", x + 55, base - hp, hp
      printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x + 80, base - hp - 4, p99[i]
      printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 52, base + 20, op[i]
    }
    printf "</svg>\n"
  }' > "$DIR/chart.svg"
