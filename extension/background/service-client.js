// The only code that talks to the Rapport service. It runs in the background because a content
// script's fetch to loopback is blocked by CORS / Local Network Access; ours is covered by host_permissions
// (loopback) or by the team server's origin, granted at run time (optional_host_permissions).
import { HINT_FIELDS } from "../shared/defaults.js";
import { isLoopbackUrl, permissionPattern } from "../shared/service-url.js";
import { loadSettings } from "../shared/settings.js";
import { Backoff } from "./backoff.js";

const TIMEOUT_MS = 5000;
const backoff = new Backoff(1000, 30000, 1000);

export const resetBackoff = () => backoff.reset();

class NeedsPermission extends Error {}

async function request(path, init = {}) {
  const { serviceUrl, token } = await loadSettings();
  if (!isLoopbackUrl(serviceUrl) && !(await chrome.permissions.contains({ origins: [permissionPattern(serviceUrl)] }))) {
    throw new NeedsPermission(serviceUrl);
  }
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

// An edit that could not probe yet is retried as an edit once it may (`retryAsEdit`), so a person who
// types one key and stops still sees the service come back within a second or so.
const offline = (edited = false) => (edited && backoff.probeIn() < backoff.remaining()
  ? { ok: false, offline: true, retryInMs: backoff.probeIn(), retryAsEdit: true }
  : { ok: false, offline: true, retryInMs: backoff.remaining() });
const needsPermission = (url) => ({
  ok: false,
  error: { code: "needs_permission", message: `Allow Rapport to reach ${url} (Rapport options)` },
});

// One entry per problem: the service's hints (several rules on the same words merged), or, from a
// service older than hints, its findings, each its own problem.
const problems = (body) => (Array.isArray(body.hints)
  ? body.hints.map((hint) => Object.fromEntries(HINT_FIELDS.map((field) => [field, hint[field]])))
  : body.findings.map((finding) => ({ ...finding, rules: [finding.rule] })));

export async function lint(text, platform, disabledRules, edited) {
  if (!backoff.mayTry(edited)) return offline(edited);
  try {
    const reply = await request("/v1/lint", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, platform, disabled_rules: disabledRules }),
    });
    backoff.reset();
    if (!reply.ok) return reply;
    // `rewrite`: the whole post with every hint's first fix ({ before, after }), or null;
    // `not_checked`: rules that did not judge the draft (another language), so it is not shown as clean.
    const { rewrite = null, ruleset, not_checked: notChecked = [] } = reply.body;
    return { ok: true, findings: problems(reply.body), rewrite, ruleset, notChecked };
  } catch (error) {
    if (error instanceof NeedsPermission) return needsPermission(error.message);
    // Network errors and timeouts: the browser already logs the failed request once; stay quiet.
    backoff.fail();
    return offline();
  }
}

// For the popup and options: "connected", "unreachable", "rules-error" (the service runs but its rules
// failed to load), "refused" (for example a wrong token) or "needs-permission".
export async function health() {
  try {
    const reply = await request("/healthz");
    if (!reply.ok) return { state: "unreachable", message: reply.error.message };
    backoff.reset();
    const { ruleset, rules_error: rulesError } = reply.body;
    if (rulesError) return { state: "rules-error", message: rulesError.message };
    const check = await request("/v1/rules"); // /v1 needs the token, /healthz does not
    if (!check.ok) return { state: "refused", message: check.error.message };
    return { state: "connected", version: ruleset?.version };
  } catch (error) {
    if (error instanceof NeedsPermission) return { state: "needs-permission", url: error.message };
    return { state: "unreachable" };
  }
}

// Rule ids with their wording, for the options page (falls back to bare ids when unreachable).
export async function rules() {
  try {
    const reply = await request("/v1/rules");
    return reply.ok ? { ok: true, rules: reply.body.rules.map(({ id, category, message }) => ({ id, category, message })) } : reply;
  } catch {
    return { ok: false, offline: true };
  }
}
