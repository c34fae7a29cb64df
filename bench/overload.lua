-- wrk script for overload runs: POSTs the JSON body in $BODY_FILE and sorts every answer into
-- success (2xx without a GraphQL "errors" key), shed (503), other non-2xx, or GraphQL error. It
-- times successes by themselves (wrk's own histogram mixes in the fast 503s), which needs one
-- connection per wrk thread (-t = -c) so that each response follows its own request. With
-- TIMING=0 it only counts, for the bulk of the connections driven by few threads (overload.sh):
-- 1,024 wrk threads would take a large share of the same two cores from the server.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
local body = f:read("*a")
f:close()
local headers = { ["Content-Type"] = "application/json",
                  ["Accept"] = "application/graphql-response+json, application/json" }

local timing = os.getenv("TIMING") ~= "0"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  ok = 0; shed = 0; other = 0; gql_errors = 0; latencies = {}; sent_at = nil
end

function request()
  sent_at = now_ms()
  return wrk.format("POST", nil, headers, body)
end

function response(status, hdrs, resp)
  if status == 503 then shed = shed + 1
  elseif status < 200 or status > 299 then other = other + 1
  elseif resp and string.find(resp, '"errors":', 1, true) then gql_errors = gql_errors + 1
  else
    ok = ok + 1
    if timing and sent_at then latencies[#latencies + 1] = now_ms() - sent_at end
  end
  sent_at = nil
end

function done(summary, latency, requests)
  local n_ok, n_shed, n_other, n_gql, all = 0, 0, 0, 0, {}
  for _, t in ipairs(threads) do
    n_ok = n_ok + t:get("ok"); n_shed = n_shed + t:get("shed")
    n_other = n_other + t:get("other"); n_gql = n_gql + t:get("gql_errors")
    for _, v in ipairs(t:get("latencies")) do all[#all + 1] = v end
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.ceil(#all * p / 100))]
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_s":%.2f,"ok":%d,"goodput":%.1f,"ok_p50_ms":%.1f,"ok_p99_ms":%.1f,' ..
    '"ok_max_ms":%.1f,"shed_503":%d,"other_non2xx":%d,"gql_errors":%d,"timeouts":%d,"socket_errors":%d}\n',
    summary.requests, secs, n_ok, n_ok / secs, pct(50), pct(99), all[#all] or 0,
    n_shed, n_other, n_gql, e.timeout, e.connect + e.read + e.write))
end
