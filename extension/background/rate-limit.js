// A token bucket per tab: bursts of typing pass, a page that makes a content script lint in a loop does not.
export class TabRateLimit {
  constructor(perSecond, burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.buckets = new Map(); // tabId -> { tokens, at }
  }

  take(tabId) {
    const now = Date.now();
    const bucket = this.buckets.get(tabId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(tabId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  forget(tabId) {
    this.buckets.delete(tabId);
  }
}
