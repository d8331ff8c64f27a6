// Hostname suffix -> the service's platform id (one of the default pack's platforms, as
// tests/test_shared_facts.py checks). Mastodon also matches any host with a "mastodon" label.
export const SITE_PLATFORMS = {
  "x.com": "x",
  "twitter.com": "x",
  "linkedin.com": "linkedin",
  "facebook.com": "facebook",
  "instagram.com": "instagram",
  "threads.net": "threads",
  "threads.com": "threads",
  "bsky.app": "bluesky",
  // Large Mastodon instances whose names do not say so.
  "mstdn.social": "mastodon",
  "fosstodon.org": "mastodon",
  "hachyderm.io": "mastodon",
  "infosec.exchange": "mastodon",
  "mas.to": "mastodon",
  "techhub.social": "mastodon",
  "chaos.social": "mastodon",
};

// Every platform id a per-site override may choose (the default pack's, as the shared-facts test checks).
export const PLATFORMS = ["generic", "x", "linkedin", "facebook", "instagram", "threads", "bluesky", "mastodon"];

export function platformFor(hostname) {
  const host = hostname.toLowerCase();
  for (const [domain, platform] of Object.entries(SITE_PLATFORMS)) {
    if (host === domain || host.endsWith(`.${domain}`)) return platform;
  }
  return host.split(".").includes("mastodon") ? "mastodon" : "generic";
}
