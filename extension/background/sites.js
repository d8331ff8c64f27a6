// The site a content-script message is for: the host of its tab's top page, whatever frame sent it, so an
// embedded composer on x.com is linted for X. Never taken from the message itself.
const topHosts = new Map(); // tabId -> host of the top frame, as its own content script last reported

const hostOf = (url) => new URL(url).hostname;

export async function siteOf(sender) {
  const tabId = sender.tab.id;
  if (sender.frameId === 0) {
    topHosts.set(tabId, hostOf(sender.url));
    return topHosts.get(tabId);
  }
  if (sender.tab.url) return hostOf(sender.tab.url);
  if (!topHosts.has(tabId)) {
    try {
      const reply = await chrome.tabs.sendMessage(tabId, { type: "where" }, { frameId: 0 });
      if (typeof reply?.host === "string" && reply.host.length <= 253) topHosts.set(tabId, reply.host);
    } catch {
      // no content script in the top frame (yet): fall back to the frame's own host
    }
  }
  return topHosts.get(tabId) ?? hostOf(sender.url);
}

export const forgetTabSite = (tabId) => topHosts.delete(tabId);
