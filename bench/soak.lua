-- A steady mix of the three measured pages at a fixed rate: each connection waits
-- DELAY_MS between requests (set by the benchmark from the measured capacity).
local threads = {}
local delay_ms = tonumber(os.getenv("SOAK_DELAY_MS") or "10")
local body = "danger=no&who=child&what=fake&what=threats&where=GB-EAW&need=everything&step=need&nav=next"

function setup(thread) table.insert(threads, thread) end

function init(args)
    n = 0
    non_2xx = 0
end

function delay() return delay_ms end

function request()
    n = n + 1
    local k = n % 3
    if k == 0 then return wrk.format("GET", "/en/") end
    if k == 1 then return wrk.format("GET", "/en/directory/DE") end
    return wrk.format("POST", "/en/questions",
                      {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
    if status >= 300 then non_2xx = non_2xx + 1 end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do bad = bad + thread:get("non_2xx") end
    io.write(string.format("SOAK requests=%d non_2xx=%d errors=%d\n", summary.requests, bad,
             summary.errors.connect + summary.errors.read + summary.errors.write +
             summary.errors.status + summary.errors.timeout))
end
