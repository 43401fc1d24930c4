-- wrk script: POSTs pre-generated, distinct, validly signed deliveries (DeliveryGenerator's file), each once.
-- Each wrk thread takes every n-th line so that no two threads send the same delivery; a thread stops when its
-- share is used up. Set DELIVERIES (file) and WRK_THREADS in the environment; the path is wrk's URL path.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("WRK_THREADS") or "2")
  local mine = {}
  local i = 0
  for line in io.lines(os.getenv("DELIVERIES")) do
    if i % n == id then
      local body, ts, sig = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)$")
      mine[#mine + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["X-Interactor-Event"] = "room.message.created",
        ["X-Interactor-Timestamp"] = ts,
        ["X-Interactor-Signature"] = sig,
      }, body)
    end
    i = i + 1
  end
  requests = mine
  nextIndex = 0
  sent = 0
  failures = 0
end

function request()
  nextIndex = nextIndex + 1
  if nextIndex > #requests then
    nextIndex = 1
  end
  sent = sent + 1
  return requests[nextIndex]
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
  if sent >= #requests then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local failed = 0
  local sentTotal = 0
  for _, thread in ipairs(threads) do
    failed = failed + (thread:get("failures") or 0)
    sentTotal = sentTotal + (thread:get("sent") or 0)
  end
  io.write(string.format("non-200: %d of %d sent\n", failed, sentTotal))
end
