// Where `rapport serve` listens unless told otherwise (kept alone so tests can point a copy elsewhere).
// The port and the hosts are the service's own (server/config.py); tests/test_shared_facts.py holds them equal.
export const DEFAULT_SERVICE_URL = "http://127.0.0.1:8719";
// The loopback names the service answers on; manifest.json's host_permissions cover exactly these.
export const LOOPBACK_HOSTS = ["127.0.0.1", "localhost"];
// The service refuses drafts over this many bytes of UTF-8 (MAX_DRAFT_BYTES in server/config.py).
export const MAX_DRAFT_BYTES = 64 * 1024;
// Rule ids are slugs (the "slug" pattern of rules/schema.json).
export const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// The fields of a hint (one problem, several rules merged) the extension reads: `hint()` in
// server/contract.py gives them; tests/test_shared_facts.py holds the two equal.
export const HINT_FIELDS = ["rule", "rules", "category", "severity", "message", "offset", "length", "scope", "link", "suggestions"];
