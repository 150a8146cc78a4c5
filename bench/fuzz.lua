-- Random requests at every route: odd paths, junk forms, broken bytes, odd headers.
-- Counts 5xx answers across threads; the run fails if there is even one.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
    server_errors = 0
    responses = 0
end

local langs = {"en", "de", "ar", "xx", "", "EN", "%ff", "fr"}
local paths = {"/", "/questions", "/directory/", "/directory/GB", "/directory/us-ca",
               "/directory/ZZ", "/law/DE", "/law/", "/safety", "/about", "/nowhere",
               "/static/signpost.css", "/static/../etc/passwd", "/directory/%00"}
local names = {"danger", "who", "what", "where", "need", "step", "nav", "x", "who[]", ""}
local values = {"yes", "no", "child", "parent", "worried", "fake", "threats", "unsaid",
                "GB", "GB-SCT", "US-CA", "INT", "ZZ", "everything", "next", "back", "stay",
                "urgent", "where", "%ff%fe", "<script>", string.rep("a", 300), ""}
local accepts = {"de-DE,de;q=0.9", "*", "", "xx", "ar", "q=;;;", "en;q=0.1,fr;q=2"}

local function pick(list) return list[math.random(#list)] end

local function junk(n)
    local bytes = {}
    for i = 1, n do bytes[i] = string.char(math.random(0, 255)) end
    return table.concat(bytes)
end

function request()
    local path = "/" .. pick(langs) .. pick(paths)
    local headers = {["Accept-Language"] = pick(accepts)}
    if math.random() < 0.5 then
        local pairs_ = {}
        for i = 1, math.random(0, 8) do
            table.insert(pairs_, pick(names) .. "=" .. pick(values))
        end
        local body = table.concat(pairs_, "&")
        if math.random() < 0.1 then body = junk(math.random(1, 200)) end
        headers["Content-Type"] = math.random() < 0.9 and "application/x-www-form-urlencoded"
                                  or "text/plain"
        return wrk.format("POST", "/" .. pick(langs) .. "/questions", headers, body)
    end
    return wrk.format("GET", path, headers)
end

function response(status, headers, body)
    responses = responses + 1
    if status >= 500 then server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
    local errors, seen = 0, 0
    for _, thread in ipairs(threads) do
        errors = errors + thread:get("server_errors")
        seen = seen + thread:get("responses")
    end
    io.write(string.format("FUZZ responses=%d server_errors=%d\n", seen, errors))
end
