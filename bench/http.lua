-- wrk script of bench/http.sh: sends GET PREFIX..QUERY, rotating through
-- the lines of FAHRAS_QUERIES when it is set, else the one FAHRAS_QUERY;
-- counts the answers by status and prints one line of results.

local prefix = os.getenv("FAHRAS_PREFIX") or "/api/search?q="
local file = os.getenv("FAHRAS_QUERIES") or ""
local fixed = os.getenv("FAHRAS_QUERY") or "لافروف"

local function escape(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  if file ~= "" then
    for line in io.lines(file) do
      line = line:match("^%s*(.-)%s*$")
      if line ~= "" then table.insert(paths, prefix .. escape(line)) end
    end
  else
    paths = { prefix .. escape(fixed) }
  end
  -- Threads start at different places of the list.
  i = (id * 37) % #paths
  counts = {}
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do
      all[status] = (all[status] or 0) + n
    end
  end
  local ok, busy, timeout, other = 0, 0, 0, 0
  for status, n in pairs(all) do
    if status == 200 then ok = ok + n
    elseif status == 503 then busy = busy + n
    elseif status == 504 then timeout = timeout + n
    else other = other + n end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT\t%.1f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, ok, busy, timeout, other, socket))
end
