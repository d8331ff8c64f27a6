// Keyboard commands (manifest "commands"; people can rebind them at chrome://extensions/shortcuts).
// When the browser takes the shortcut it tells us here and we pass it to the tab; content scripts also
// match the same shortcuts on keydown, for browsers that leave the key to the page.
export async function shortcuts() {
  const commands = await chrome.commands.getAll();
  return Object.fromEntries(commands.filter((command) => command.shortcut).map((command) => [command.name, command.shortcut]));
}

export function forwardCommands() {
  chrome.commands.onCommand.addListener(async (name, tab) => {
    const target = tab ?? (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id !== undefined) chrome.tabs.sendMessage(target.id, { type: "command", name }).catch(() => {});
  });
}
