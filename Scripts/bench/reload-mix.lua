-- wrk script for Scripts/bench/reload-under-load.sh: a mix of the corpus-backed endpoints, each
-- request picked in turn from the list below, over articles that every reload keeps (the ids of
-- make_scaled.py, scaled-0000000 upward). Arguments after `--`: the corpus's article count.
--
--   wrk -t2 -c32 -d60s -s Scripts/bench/reload-mix.lua http://127.0.0.1:PORT -- 5000

local count = 1000
local counter = 0
local words = { "market", "government", "oil", "election", "bank", "football", "trade", "music" }

local threads = 0

-- Runs once per wrk thread, in the main Lua state, before the threads start.
function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

-- Runs in each thread's own Lua state: a seed per thread spreads the ids the threads ask for.
function init(args)
  count = tonumber(args[1]) or count
  math.randomseed(os.time() * 100 + number)
end

local function article()
  return string.format("/v1/articles/scaled-%07d", math.random(0, count - 1))
end

local paths = {
  article,
  function() return "/v1/articles?limit=20&offset=" .. math.random(0, 200) end,
  article,
  function() return "/v1/search?q=" .. words[math.random(#words)] .. "&limit=10" end,
  function() return "/v1/stats" end,
  function() return "/v1/suggest?q=" .. words[math.random(#words)]:sub(1, 3) end,
  function() return "/v1/entities?limit=10" end,
  function() return article() .. "/related" end,
  function() return "/v1/search?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)] end,
}

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1]())
end
