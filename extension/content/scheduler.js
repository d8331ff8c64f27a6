{
  const DEBOUNCE_MS = 300;

  // Debounced lint requests for one composer. Replies to anything but the latest request are dropped;
  // a reply for text edited since is still shown (the composer carries it over) and followed by another
  // request. While the service is offline or we are rate-limited it retries when told to.
  Rapport.LintScheduler = class {
    constructor(read, onResult) {
      this.read = read;
      this.onResult = onResult;
      this.seq = 0;
      this.timer = 0;
      this.edited = false;
    }

    // `edited`: the request follows an edit, which may cut an offline backoff short.
    schedule(delay = DEBOUNCE_MS, edited = true) {
      clearTimeout(this.timer);
      this.edited ||= edited;
      this.timer = setTimeout(() => this.run(), delay);
    }

    cancel() {
      clearTimeout(this.timer);
      this.seq += 1; // invalidates any reply in flight
    }

    get pending() {
      return this.busy || this.timer !== 0;
    }

    async run() {
      this.timer = 0;
      const seq = ++this.seq;
      const text = this.read();
      const edited = this.edited;
      this.edited = false;
      if (!text.trim()) return this.onResult({ ok: true, text, findings: [] });
      let reply;
      this.busy = true;
      try {
        reply = await chrome.runtime.sendMessage({ type: "lint", text, edited });
      } catch {
        return; // the extension was reloaded or removed: this page's script is orphaned
      } finally {
        if (seq === this.seq) this.busy = false;
      }
      if (seq !== this.seq) return;
      if (text !== this.read()) this.schedule(DEBOUNCE_MS, true);
      else if (reply.offline || reply.error?.code === "rate_limited") {
        this.schedule(Math.max(reply.retryInMs ?? 0, DEBOUNCE_MS), reply.retryAsEdit === true);
      }
      this.onResult({ ...reply, text });
    }

    // Lints now and resolves once the reply has been shown (the pre-publish check needs fresh findings).
    async now() {
      clearTimeout(this.timer);
      await this.run();
    }
  };
}
