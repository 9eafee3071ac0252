-- Search-as-you-type: cycles through the prefixes a user types on the way to a few names and words.
local prefixes = { "h", "ha", "hal", "halv", "e", "es", "est", "estm", "s", "st", "ste", "stee",
  "p", "po", "por", "port", "o", "or", "orr", "orri", "t", "tr", "tra", "trad" }
local next_prefix = 0
request = function()
  next_prefix = next_prefix % #prefixes + 1
  return wrk.format("GET", "/v1/suggest?q=" .. prefixes[next_prefix])
end
