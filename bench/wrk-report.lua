-- wrk script for bench/http.sh: counts the responses by HTTP status and, when the run is done, prints
-- machine-readable lines ("bench <name> <value>") that http.sh reads:
--   bench requests_per_s <n>   completed requests per second
--   bench p50_ms / p99_ms <n>  latency percentiles in milliseconds
--   bench requests <n>         completed requests
--   bench non2xx <n>           responses outside 200-299 (a 302 to /login means the session was lost)
--   bench socket_errors <n>    connect + read + write + timeout errors
--   bench status_<code> <n>    one line per status seen, for the record
--
-- Each wrk thread runs in its own Lua state, so the counts live in per-thread globals; setup() keeps a
-- handle on every thread and done() adds them up with thread:get() (the pattern of wrk's setup.lua example).

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   statuses = {}
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local byStatus = {}
   local non2xx = 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         byStatus[status] = (byStatus[status] or 0) + count
         if status < 200 or status > 299 then
            non2xx = non2xx + count
         end
      end
   end
   local errors = summary.errors
   local socketErrors = errors.connect + errors.read + errors.write + errors.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format("bench requests %d\n", summary.requests))
   io.write(string.format("bench requests_per_s %.1f\n", seconds > 0 and summary.requests / seconds or 0))
   -- latency values are microseconds
   io.write(string.format("bench p50_ms %.1f\n", latency:percentile(50) / 1000))
   io.write(string.format("bench p99_ms %.1f\n", latency:percentile(99) / 1000))
   io.write(string.format("bench max_ms %.1f\n", latency.max / 1000))
   io.write(string.format("bench non2xx %d\n", non2xx))
   io.write(string.format("bench socket_errors %d\n", socketErrors))
   io.write(string.format("bench socket_errors_detail connect=%d,read=%d,write=%d,timeout=%d\n",
      errors.connect, errors.read, errors.write, errors.timeout))
   for status, count in pairs(byStatus) do
      io.write(string.format("bench status_%d %d\n", status, count))
   end
end
