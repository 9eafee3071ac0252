-- wrk script for Scripts/bench/soak.sh: a mix of the API's read endpoints, in a fixed rotation so
-- every run asks the same things. Arguments after "--": the file of article ids (one a line), the
-- file of entity ids, and "close" to send Connection: close on every request (connection churn).

local paths = {}
local index = 0
local close = false

local function lines(path)
  local result = {}
  for line in io.lines(path) do
    if #line > 0 then result[#result + 1] = line end
  end
  return result
end

function init(args)
  local articles = lines(args[1])
  local entities = lines(args[2])
  close = args[3] == "close"
  local words = { "harbour", "strike", "election", "storm", "council", "minister", "football", "energy" }
  -- Weights roughly as a reader browses: records and lists most, search next, the rest less.
  for i = 1, 40 do paths[#paths + 1] = "/v1/articles/" .. articles[(i * 37) % #articles + 1] end
  for i = 1, 10 do paths[#paths + 1] = "/v1/articles?limit=20&offset=" .. (i * 20) end
  for i = 1, 5 do paths[#paths + 1] = "/v1/articles?limit=20&sort=-date&offset=" .. (i * 40) end
  for i = 1, #words do paths[#paths + 1] = "/v1/search?q=" .. words[i] end
  for i = 1, 4 do paths[#paths + 1] = "/v1/search?q=" .. words[i] .. "+" .. words[i + 4] .. "&match=any" end
  for i = 1, #words do paths[#paths + 1] = "/v1/suggest?q=" .. string.sub(words[i], 1, 3) end
  for i = 1, 6 do paths[#paths + 1] = "/v1/entities/" .. entities[(i * 7) % #entities + 1] end
  paths[#paths + 1] = "/v1/entities?limit=20"
  paths[#paths + 1] = "/v1/stats"
  paths[#paths + 1] = "/health"
  -- Each thread starts at a different place in the rotation.
  index = math.random(#paths)
end

function request()
  index = index % #paths + 1
  if close then
    return wrk.format("GET", paths[index], { ["Connection"] = "close" })
  end
  return wrk.format("GET", paths[index])
end
