{
  const DEBOUNCE_MS = 300;

  // Debounced lint requests for one composer. Replies to anything but the latest request, or for text
  // that has changed since, are dropped; while the service is offline it retries when told to.
  Rapport.LintScheduler = class {
    constructor(read, onResult) {
      this.read = read;
      this.onResult = onResult;
      this.seq = 0;
      this.timer = 0;
    }

    schedule(delay = DEBOUNCE_MS) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), delay);
    }

    cancel() {
      clearTimeout(this.timer);
      this.seq += 1; // invalidates any reply in flight
    }

    async run() {
      const seq = ++this.seq;
      const text = this.read();
      if (!text.trim()) return this.onResult({ ok: true, text, findings: [] });
      let reply;
      try {
        reply = await chrome.runtime.sendMessage({ type: "lint", text, platform: Rapport.platformFor(location.hostname) });
      } catch {
        return; // the extension was reloaded or removed: this page's script is orphaned
      }
      if (seq !== this.seq) return;
      if (text !== this.read()) return this.schedule(); // edited without an event we saw (yet)
      if (reply.offline) this.schedule(Math.max(reply.retryInMs, DEBOUNCE_MS));
      this.onResult({ ...reply, text });
    }
  };
}
