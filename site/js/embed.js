// Embed mode of the need form (demande.html, autre-besoin.html and confirmation.html asked with ?embed=1), for a
// partner's page that shows the form in an <iframe>:
// - the header, the footer and the links back to the site's home are hidden (the main landmark and the skip link to
//   it stay, so the page is as accessible as outside a frame);
// - every address the form leads to keeps embed=1 (embedUrl);
// - the page tells its parent its height on load and on every change of size (ResizeObserver), with
//   postMessage({ type: 'ce:height', height: N }), N in CSS pixels. The message goes only to the parent's own origin,
//   and only when that origin is one the partners declared (GET /api/embed/origins, the same list as the page's
//   frame-ancestors): never to '*'.
import { api } from './api.js';

const PARENT_KEY = 'ce.embed.parent';

export const EMBEDDED = new URLSearchParams(window.location.search).get('embed') === '1';

/** The same-site address `path`, with embed=1 when the page is embedded. */
export function embedUrl(path) {
  if (!EMBEDDED) return path;
  const url = new URL(path, window.location.origin);
  url.searchParams.set('embed', '1');
  return url.pathname + url.search + url.hash;
}

/** The framing page's origin: the browser's ancestorOrigins, else the referrer of the first page (kept for the next ones). */
function parentOrigin() {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  let origin = null;
  try { origin = document.referrer ? new URL(document.referrer).origin : null; } catch { origin = null; }
  if (origin && origin !== window.location.origin) {
    sessionStorage.setItem(PARENT_KEY, origin);
    return origin;
  }
  return sessionStorage.getItem(PARENT_KEY);
}

function hideSiteFrame() {
  document.documentElement.classList.add('ce-embed');
  for (const part of document.querySelectorAll('header[role="banner"], footer[role="contentinfo"]')) part.hidden = true;
  // The skip link to the hidden footer goes; the one to the content stays.
  for (const link of document.querySelectorAll('.fr-skiplinks a[href="#pied-de-page"]')) link.closest('li')?.remove();
  // Inside a partner's page the site's home is elsewhere: the links back to it would open it in the frame.
  for (const link of document.querySelectorAll('main a[href="/"]')) (link.closest('p') ?? link).hidden = true;
}

async function reportHeight() {
  if (window.parent === window) return;
  const origin = parentOrigin();
  if (!origin) return;
  const declared = await api('/api/embed/origins');
  if (declared.status !== 200 || !Array.isArray(declared.data?.origins) || !declared.data.origins.includes(origin)) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'ce:height', height }, origin);
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

if (EMBEDDED) {
  hideSiteFrame();
  reportHeight();
}
