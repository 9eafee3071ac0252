-- Article records in a shuffled order over ids a1..aN (the peers' generator's ids): with N well above
-- the record cache's 2,048 slots most requests render their record. N comes from the environment.
local count = tonumber(os.getenv("RECORDS") or "10000")
local state = 12345
request = function()
  state = (state * 1103515245 + 12345) % 2147483648
  return wrk.format("GET", "/v1/articles/a" .. (state % count + 1))
end
