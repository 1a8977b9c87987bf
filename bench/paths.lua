-- wrk script: each request takes the next path from the file named by WRK_PATHS,
-- so one run spreads over many stories (or people) instead of one hot row.
local paths = {}
local position = 0

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  -- Threads start at different places in the list.
  position = math.random(#paths)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
