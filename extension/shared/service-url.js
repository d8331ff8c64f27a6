// Which service addresses the extension may use: loopback over http (covered by host_permissions), or a
// team server over https (its origin is requested at run time through optional_host_permissions).
import { LOOPBACK_HOSTS } from "./defaults.js";

const parse = (value) => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

export function isLoopbackUrl(value) {
  const url = parse(value);
  return url?.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname);
}

// null when usable, else why not (shown next to the field).
export function serviceUrlProblem(value) {
  const url = parse(value);
  if (!url) return "Not an address: use https://rapport.example.org or http://127.0.0.1:PORT";
  if (isLoopbackUrl(value) || url.protocol === "https:") return null;
  return "A team server must use https; only 127.0.0.1 and localhost may use plain http";
}

// The match pattern a non-loopback service needs permission for (ports are not part of patterns).
export const permissionPattern = (value) => `${parse(value).protocol}//${parse(value).hostname}/*`;
