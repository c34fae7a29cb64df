-- wrk script: POSTs the JSON body in $BODY_FILE, counts non-2xx responses and
-- responses with a top-level GraphQL "errors" key, and prints one JSON line.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
-- AUTHORIZATION (e.g. "Bearer ey...") signs every request in, for mutations.
if os.getenv("AUTHORIZATION") then wrk.headers["Authorization"] = os.getenv("AUTHORIZATION") end

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0; gql_errors = 0; responses = 0; bytes = 0 end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if body then
    bytes = bytes + #body
    -- inside JSON strings quotes are escaped, so this can only be a key
    if string.find(body, '"errors":', 1, true) then gql_errors = gql_errors + 1 end
  end
end

function done(summary, latency, requests)
  local n2, ge, nr, nb = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    n2 = n2 + t:get("non2xx"); ge = ge + t:get("gql_errors")
    nr = nr + t:get("responses"); nb = nb + t:get("bytes")
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  local ms = function(us) return string.format("%.2f", us / 1000) end
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_s":%.2f,"rps":%.1f,"p50_ms":%s,"p90_ms":%s,"p99_ms":%s,"max_ms":%s,' ..
    '"non2xx":%d,"gql_errors":%d,"socket_errors":%d,"avg_body_bytes":%d}\n',
    summary.requests, secs, summary.requests / secs,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max),
    n2, ge, e.connect + e.read + e.write + e.timeout, nr > 0 and math.floor(nb / nr) or 0))
end
