// Where `rapport serve` listens unless told otherwise (kept alone so tests can point a copy elsewhere).
// The port and the hosts are the service's own (server/config.py); tests/test_shared_facts.py holds them equal.
export const DEFAULT_SERVICE_URL = "http://127.0.0.1:8719";
// The loopback names the service answers on; manifest.json's host_permissions cover exactly these.
export const LOOPBACK_HOSTS = ["127.0.0.1", "localhost"];
