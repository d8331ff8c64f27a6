-- wrk script for bench/http.py: POSTs the drafts of a file (one JSON body a line) to /v1/lint in turn,
-- with the extension's Origin, and prints the run's figures as one JSON line when it is done.
local bodies = {}
for line in io.lines(os.getenv("RAPPORT_BENCH_BODIES")) do bodies[#bodies + 1] = line end
local origin = os.getenv("RAPPORT_BENCH_ORIGIN")
local next_body = 0

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/v1/lint", {["Content-Type"] = "application/json", ["Origin"] = origin},
                    bodies[next_body])
end

done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "seconds": %f, "p50_us": %f, "p99_us": %f, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout))
end
