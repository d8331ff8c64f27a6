// While the service is unreachable, callers wait out a growing delay instead of fetching on every edit;
// an edit may still probe once per `probeMs`, so a restarted service is noticed as soon as someone types.
export class Backoff {
  constructor(firstMs, maxMs, probeMs) {
    this.firstMs = firstMs;
    this.maxMs = maxMs;
    this.probeMs = probeMs;
    this.lastTry = 0;
    this.reset();
  }

  reset() {
    this.delayMs = 0;
    this.until = 0;
  }

  fail() {
    this.delayMs = Math.min(this.delayMs ? this.delayMs * 2 : this.firstMs, this.maxMs);
    this.until = Date.now() + this.delayMs;
  }

  remaining() {
    return Math.max(0, this.until - Date.now());
  }

  // How long until an edit may probe.
  probeIn() {
    return Math.max(0, this.lastTry + this.probeMs - Date.now());
  }

  // Whether to try now: always once the delay is over; for an edit, also once `probeMs` after the last try.
  mayTry(edited) {
    const now = Date.now();
    const allowed = this.remaining() === 0 || (edited && now - this.lastTry >= this.probeMs);
    if (allowed) this.lastTry = now;
    return allowed;
  }
}
