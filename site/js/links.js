// Signed links put the token in the URL fragment (#besoin=…&jeton=…), which browsers never send to servers.
// Pages read it once, keep it in sessionStorage (this tab only) and remove it from the address bar and history.

/**
 * The parameters of the fragment (besoin, jeton…). The token is then wiped from the address bar and the history
 * (only #besoin=… stays, so that a reload or a bookmark still names the need).
 */
export function takeFragment() {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const values = Object.fromEntries(params.entries());
  if (params.has('jeton')) {
    params.delete('jeton');
    const rest = params.toString();
    history.replaceState(history.state, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
  }
  return values;
}

const ADVISOR_TOKEN = 'ce.conseiller.jeton';
const ADVISOR_NEED = 'ce.conseiller.besoin';

export const advisorSession = {
  get token() { return sessionStorage.getItem(ADVISOR_TOKEN); },
  set token(value) { sessionStorage.setItem(ADVISOR_TOKEN, value); },
  get needId() { return sessionStorage.getItem(ADVISOR_NEED); },
  set needId(value) { sessionStorage.setItem(ADVISOR_NEED, value); },
  clear() { sessionStorage.removeItem(ADVISOR_TOKEN); },
};

const COMPANY_NEED = 'ce.suivi.besoin';
const companyTokenKey = (needId) => `ce.suivi.jeton.${needId}`;

export const companySession = {
  get needId() { return sessionStorage.getItem(COMPANY_NEED); },
  set needId(value) { sessionStorage.setItem(COMPANY_NEED, value); },
  token(needId) { return sessionStorage.getItem(companyTokenKey(needId)); },
  setToken(needId, token) { sessionStorage.setItem(companyTokenKey(needId), token); },
};

/** Opens the fresh-link page, saying why: 'expire' | 'invalide' | 'absent'. The useless token is forgotten. */
export function goToFreshLinkPage(reason) {
  advisorSession.clear();
  window.location.replace(`/conseiller/lien.html?raison=${encodeURIComponent(reason)}`);
}
