-- Each request pushes RECORDS new completions (fresh ids), as a phone coming back online would.
-- TOKENS is a comma-separated list: each wrk thread takes one account, as separate devices would.
local records = tonumber(os.getenv("RECORDS") or "100")
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or os.getenv("TOKEN"), "[^,]+") do
  tokens[#tokens + 1] = t
end
local counter = 0
local threads = 0
local template = '{"id":"%08x-%04x-4%03x-8%03x-%012x","routine":"morning","routine_version":1,'
  .. '"started_at":"2026-11-22T07:02:11+01:00","finished_at":"2026-11-22T07:06:40+01:00",'
  .. '"timezone":"Europe/Berlin","steps_done":2,"steps_total":2,"pain_before":4,"pain_after":2,'
  .. '"notes":"","modified_at":"2026-11-22T07:06:41+01:00","deleted":false}'

function setup(thread)
  threads = threads + 1
  thread:set("me", threads)
end

function init(args)
  token = tokens[((me or 1) - 1) % #tokens + 1]
  math.randomseed(os.time() + (me or 1) * 7919)
  prefix = math.random(0, 0x7fffffff)
end

function response(status, headers, body)
  -- Carry the cursor forward, as a device does, so each call pulls only what is new.
  local next_cursor = body:match('"cursor"%s*:%s*"([^"]+)"')
  if next_cursor then cursor = next_cursor end
end

function request()
  local items = {}
  for i = 1, records do
    counter = counter + 1
    items[i] = string.format(template, prefix, me or 1, counter % 4096, math.floor(counter / 4096) % 4096, counter)
  end
  local head = cursor and ('{"cursor":"' .. cursor .. '",') or '{"cursor":null,'
  local body = head .. '"push":[' .. table.concat(items, ",") .. ']}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
