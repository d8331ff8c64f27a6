// Settings an organisation sets through policy (chrome.storage.managed; schema in managed_schema.json).
// Without a policy, Chromium answers {} and Firefox throws: both mean "nothing managed". The first read
// after the browser starts can take seconds (Chromium waits for its policy service), so it is made once
// per page or worker and kept until the policy changes.
let managed = null;

async function read() {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

export const loadManaged = () => (managed ??= read());

chrome.storage.onChanged.addListener((_, area) => {
  if (area === "managed") managed = null;
});
