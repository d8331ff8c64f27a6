// While the service is unreachable, callers wait out a growing delay instead of fetching on every edit.
export class Backoff {
  constructor(firstMs, maxMs) {
    this.firstMs = firstMs;
    this.maxMs = maxMs;
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
}
