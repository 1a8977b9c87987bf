-- wrk script: each request takes the next path from the file named by WRK_PATHS,
-- so one run spreads over many stories (or people) instead of one hot row. A line may
-- carry one request header after a tab ("PATH<tab>If-None-Match: value"; bench/live.py).
local paths = {}
local headers = {}
local position = 0

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then
      local path, name, value = line:match("^([^\t]+)\t([^:]+):%s*(.*)$")
      paths[#paths + 1] = path or line
      headers[#paths] = name and { [name] = value } or {}
    end
  end
  -- Threads start at different places in the list.
  position = math.random(#paths)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], headers[position])
end
