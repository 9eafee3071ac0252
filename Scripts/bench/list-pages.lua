-- List pages at offsets spread over the corpus in a shuffled order (multiples of 20 up to OFFSETS,
-- 9,980 by default): few repeat soon enough to be served from the summary cache, so most requests
-- write their 20 summaries.
local count = math.floor(tonumber(os.getenv("OFFSETS") or "9980") / 20) + 1
local state = 12345
request = function()
  state = (state * 1103515245 + 12345) % 2147483648
  return wrk.format("GET", "/v1/articles?limit=20&offset=" .. (state % count) * 20)
end
