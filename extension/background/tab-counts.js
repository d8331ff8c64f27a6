// Findings per tab, summed over its frames, shown as the toolbar badge (the popup reads it back).
const counts = new Map(); // tabId -> Map(frameId -> count)

export function setFrameCount(tabId, frameId, count) {
  const frames = counts.get(tabId) ?? new Map();
  frames.set(frameId, count);
  counts.set(tabId, frames);
  const total = [...frames.values()].reduce((sum, n) => sum + n, 0);
  return chrome.action.setBadgeText({ tabId, text: total ? String(total) : "" });
}

export const forgetTabCounts = (tabId) => counts.delete(tabId);
