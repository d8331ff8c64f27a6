// Where `rapport serve` listens unless told otherwise (kept alone so tests can point a copy elsewhere).
export const DEFAULT_SERVICE_URL = "http://127.0.0.1:8719";
