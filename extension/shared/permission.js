// Asks for the team server's origin (optional_host_permissions). Must run inside a click handler.
import { isLoopbackUrl, permissionPattern } from "./service-url.js";

export function requestAccess(serviceUrl) {
  if (isLoopbackUrl(serviceUrl)) return Promise.resolve(true);
  return chrome.permissions.request({ origins: [permissionPattern(serviceUrl)] });
}
