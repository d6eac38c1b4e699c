/**
 * Sites as the browser's permission system sees them: match patterns such as
 * "https://hr.example.com/*". A pattern names a scheme and host, never a port, so
 * "http://127.0.0.1/*" covers every port on that host.
 */

/** The pattern to ask for so Fulcrum runs on this page's site; null for pages no extension may touch. */
export function sitePattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** Patterns Fulcrum can run on: web pages only (the permission list also holds API names, never these). */
export function webPatterns(origins: readonly string[]): string[] {
  return origins.filter((o) => /^(https?|\*):\/\//.test(o) || o === '<all_urls>');
}

/** Does a match pattern cover this page? Only the forms Fulcrum asks for: scheme (or *), host (or *.host, or *), path *. */
export function patternMatches(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^https?:/.test(url);
  const m = pattern.match(/^(\*|https?):\/\/([^/]+)\/(.*)$/);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (m[1] === '*' ? scheme !== 'http' && scheme !== 'https' : m[1] !== scheme) return false;
  const host = m[2].replace(/:\d+$/, '');
  if (host === '*') return true;
  if (host.startsWith('*.')) return parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1));
  return parsed.hostname === host;
}

/** How a pattern reads in the options page: "127.0.0.1", "all sites". */
export function describePattern(pattern: string): string {
  if (pattern === '<all_urls>' || /^(\*|https?):\/\/\*\/\*$/.test(pattern)) return pattern.startsWith('http://') ? 'all sites (http)' : pattern.startsWith('https://') ? 'all sites (https)' : 'all sites';
  return pattern.replace(/^(\*|https?):\/\//, '').replace(/\/\*$/, '');
}
