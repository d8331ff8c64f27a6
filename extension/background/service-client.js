// The only code that talks to the Rapport service. It runs in the background because a content
// script's fetch to loopback is blocked by CORS / Local Network Access; ours is covered by host_permissions.
import { loadSettings } from "../shared/settings.js";
import { Backoff } from "./backoff.js";

const TIMEOUT_MS = 5000;
const backoff = new Backoff(1000, 30000);

export const resetBackoff = () => backoff.reset();

async function request(path, init = {}) {
  const { serviceUrl, token } = await loadSettings();
  const headers = { ...init.headers };
  if (token) headers["X-Rapport-Token"] = token;
  const response = await fetch(new URL(path, serviceUrl), {
    ...init,
    headers,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await response.json().catch(() => null);
  if (response.ok && body) return { ok: true, body };
  const error = body?.error ?? { code: `http-${response.status}`, message: response.statusText };
  return { ok: false, error };
}

const offline = () => ({ ok: false, offline: true, retryInMs: backoff.remaining() });

export async function lint(text, platform) {
  if (backoff.remaining() > 0) return offline();
  const { disabledRules } = await loadSettings();
  try {
    const reply = await request("/v1/lint", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, platform, disabled_rules: disabledRules }),
    });
    backoff.reset();
    return reply.ok ? { ok: true, findings: reply.body.findings, ruleset: reply.body.ruleset } : reply;
  } catch {
    // Network errors and timeouts: the browser already logs the failed request once; stay quiet.
    backoff.fail();
    return offline();
  }
}

// For the popup: "connected", "unreachable" or "rules-error" (the service runs but its rules failed to load).
export async function health() {
  try {
    const reply = await request("/healthz");
    if (!reply.ok) return { state: "unreachable", message: reply.error.message };
    backoff.reset();
    const { ruleset, rules_error: rulesError } = reply.body;
    if (rulesError) return { state: "rules-error", message: rulesError.message };
    return { state: "connected", version: ruleset?.version };
  } catch {
    return { state: "unreachable" };
  }
}
