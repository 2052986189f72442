// The operators' space /operateur/ (sign-in link /operateur/#jeton=…): sign-in form, quality baskets, need view
// (#besoin={needId}), need search, directory. The token leaves the address bar at once and lives in sessionStorage only; every
// call sends it as a Bearer header. A 401 anywhere forgets it and shows the sign-in form with the reason.
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce, formatDateTime } from './dom.js';
import { takeFragment } from './links.js';
import { setFieldError, clearFieldError } from './forms.js';
import { operatorSession, showNeed } from './operateur-besoin.js';
import { setUpDirectory } from './operateur-annuaire.js';
import { setUpRouting, loadRoutingSubjects } from './operateur-routage.js';
import { setUpBlocklist, loadBlocklist } from './operateur-blocage.js';
import { setUpApiKeys, loadApiKeys } from './operateur-cles-api.js';
import { setUpCoverage, loadCoverageSubjects } from './operateur-couverture.js';
import { setUpDeparture } from './operateur-depart.js';
import { setUpPersonalData } from './operateur-donnees.js';
import { setUpAnnualReport } from './operateur-rapport.js';

const BASKETS = [
  { name: 'unrouted', label: 'Sans conseiller', hint: 'Aucun conseiller compétent n\'a été trouvé : ajoutez-en un.', empty: 'Aucun besoin sans conseiller.' },
  { name: 'no_answer', label: 'Sans réponse à J+9', hint: 'Personne n\'a encore répondu neuf jours après la transmission.', empty: 'Aucun besoin sans réponse à J+9.' },
  { name: 'last_chance', label: 'Dernière relance', hint: 'Les conseillers ont reçu la dernière relance (J+21).', empty: 'Aucun besoin en dernière relance.' },
  { name: 'refused', label: 'Refusé par tous les conseillers', hint: 'Tous les conseillers sollicités ont répondu « pas pour moi ».', empty: 'Aucun besoin refusé par tous les conseillers.' },
  { name: 'abandoned', label: 'Abandonné', hint: 'Personne ne l\'a pris en charge à temps : le besoin est clos.', empty: 'Aucun besoin abandonné.' },
  { name: 'review', label: 'À vérifier', hint: 'Demandes mises en attente (champ caché rempli, formulaire envoyé trop vite, liste de blocage, même demande récente) : ouvrez-les pour les valider ou les rejeter.', empty: 'Aucun besoin à vérifier.' },
];

// A need asked for before signing in (the link of an operator alert, #besoin=…): opened once the sign-in link lands
// in this tab. The need id only, never a token.
const PENDING_NEED = 'ce.operateur.besoin-demande';

const fragment = takeFragment();
if (fragment.jeton) operatorSession.token = fragment.jeton;
const baskets = new Map(); // basket name → rows, once loaded
let basketsLoaded = false;

// ---------- sign-in ----------

/** Shows the sign-in form; reason = 'expire' | 'invalide' | undefined (no token yet). */
export function showSignIn(reason) {
  operatorSession.clear();
  const wanted = needIdOfHash();
  if (wanted) sessionStorage.setItem(PENDING_NEED, wanted);
  byId('workspace').hidden = true;
  byId('signin-view').hidden = false;
  byId('signin-sent').hidden = true;
  const box = byId('signin-reason');
  if (reason) {
    const text = reason === 'expire'
      ? 'Votre lien a expiré : demandez un nouveau lien de connexion ci-dessous.'
      : 'Votre lien de connexion n\'est pas valide (incomplet ou modifié) : demandez-en un nouveau ci-dessous.';
    box.replaceChildren(el('div', { className: 'fr-alert fr-alert--warning fr-mb-3w' },
      el('h2', { className: 'fr-alert__title', text: reason === 'expire' ? 'Lien expiré' : 'Lien non valide' }),
      el('p', { text })));
    box.hidden = false;
    document.title = `${reason === 'expire' ? 'Lien expiré' : 'Lien non valide'} – Espace opérateur – Conseillers-Entreprises`;
  } else if (wanted) {
    box.replaceChildren(el('div', { className: 'fr-alert fr-alert--info fr-mb-3w', attrs: { 'data-testid': 'signin-pending-need' } },
      el('p', { text: `Connectez-vous pour ouvrir le besoin ${wanted} : il s'ouvre dès que le lien de connexion est ouvert dans cet onglet.` })));
    box.hidden = false;
    document.title = 'Connexion – Espace opérateur – Conseillers-Entreprises';
  } else {
    box.hidden = true;
    box.replaceChildren();
    document.title = 'Connexion – Espace opérateur – Conseillers-Entreprises';
  }
  focusOn(reason ? box.firstElementChild : byId('signin-title'));
}

/** For every module: true when the call failed for lack of a valid token (the sign-in form is then shown). */
export function handleAuthFailure(result) {
  if (result.status !== 401) return false;
  showSignIn(/expir/i.test(result.data?.detail ?? '') ? 'expire' : 'invalide');
  return true;
}

byId('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = byId('email');
  const email = input.value.trim();
  clearFieldError('email');
  byId('signin-sent').hidden = true;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    setFieldError('email', 'Saisissez une adresse email valide, au format nom@domaine.fr');
    input.focus();
    return;
  }
  const button = byId('signin-submit');
  button.disabled = true;
  const result = await api('/api/admin/login-link', { method: 'POST', body: { email } });
  button.disabled = false;
  if (result.status === 400 && result.data?.errors?.email) {
    setFieldError('email', result.data.errors.email);
    input.focus();
    return;
  }
  const sent = byId('signin-sent');
  sent.replaceChildren(result.status === 202 || result.status === 200
    ? el('div', { className: 'fr-alert fr-alert--success' },
      el('h2', { className: 'fr-alert__title', text: 'Demande enregistrée' }),
      el('p', { text: 'Si cette adresse est celle d\'un membre de l\'équipe, un lien de connexion vient de lui être envoyé. Ouvrez-le dans ce navigateur.' }))
    : el('div', { className: 'fr-alert fr-alert--error' },
      el('p', { text: problemText(result, 'La demande n\'a pas pu être envoyée. Réessayez dans quelques instants.') })));
  sent.hidden = false;
  focusOn(sent);
});

// ---------- baskets ----------

function selectedBasket() {
  return document.querySelector('#basket-tabs [role="tab"][aria-selected="true"]')?.dataset.tab ?? BASKETS[0].name;
}

function selectBasket(name, { focus = false } = {}) {
  for (const basket of BASKETS) {
    const tab = byId(`tab-${basket.name}`);
    const selected = basket.name === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    const panel = byId(`panel-${basket.name}`);
    panel.hidden = !selected;
    panel.classList.toggle('fr-tabs__panel--selected', selected);
    if (selected && focus) tab.focus();
  }
}

function buildTabs() {
  const list = byId('basket-tabs');
  const panels = byId('basket-panels');
  list.replaceChildren();
  panels.replaceChildren();
  for (const basket of BASKETS) {
    const tab = el('button', {
      className: 'fr-tabs__tab', id: `tab-${basket.name}`, text: basket.label,
      attrs: { type: 'button', role: 'tab', 'aria-selected': 'false', 'aria-controls': `panel-${basket.name}`, 'data-tab': basket.name, 'data-testid': `tab-${basket.name}`, tabindex: '-1' },
    });
    tab.addEventListener('click', () => selectBasket(basket.name));
    tab.addEventListener('keydown', (event) => {
      const index = BASKETS.indexOf(basket);
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: BASKETS.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = BASKETS[(moves[event.key] + BASKETS.length) % BASKETS.length];
      selectBasket(next.name, { focus: true });
    });
    list.append(el('li', { attrs: { role: 'presentation' } }, tab));
    panels.append(el('div', {
      className: 'fr-tabs__panel', id: `panel-${basket.name}`,
      attrs: { role: 'tabpanel', 'aria-labelledby': `tab-${basket.name}`, tabindex: '0', 'data-testid': `panel-${basket.name}` },
    }, el('p', { text: 'Chargement…' })));
  }
  selectBasket(BASKETS[0].name);
}

function renderBasket(name) {
  const basket = BASKETS.find((b) => b.name === name);
  const rows = baskets.get(name) ?? [];
  const panel = byId(`panel-${name}`);
  const content = [el('p', { className: 'fr-hint-text', text: basket.hint })];
  if (rows.length === 0) {
    content.push(el('p', { text: basket.empty, attrs: { 'data-testid': `empty-${name}` } }));
  } else {
    content.push(el('ul', { className: 'ce-plain-list', attrs: { 'data-testid': `rows-${name}` } }, rows.map((row) =>
      el('li', { className: 'ce-basket-row', attrs: { 'data-testid': 'basket-row', 'data-need-id': row.needId } },
        el('a', { className: 'fr-link', text: `Besoin ${row.needId}`, attrs: { href: `#besoin=${encodeURIComponent(row.needId)}` } }),
        el('span', { className: 'ce-row-summary', text: summaryOf(row), attrs: { 'data-testid': 'basket-row-summary' } }),
        el('span', { className: 'ce-muted', text: ` · depuis le ${formatDateTime(row.at)}` }),
        row.reason ? el('span', { className: 'ce-muted', text: ` · ${row.reason}` }) : null))));
  }
  panel.replaceChildren(...content);
  byId(`tab-${name}`).textContent = `${basket.label} (${rows.length})`;
}

/** " – subject · company · commune", as the basket row gives them (the API reads each need once for the whole list). */
function summaryOf(row) {
  const text = [row.subject, row.companyName, row.communeName].filter(Boolean).join(' · ');
  return text ? ` – ${text}` : '';
}

async function loadBasket(name) {
  const result = await api(`/api/admin/baskets/${encodeURIComponent(name)}`, { token: operatorSession.token });
  if (handleAuthFailure(result)) return false;
  if (result.status !== 200 || !Array.isArray(result.data)) {
    byId(`panel-${name}`).replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm' },
      el('p', { text: problemText(result, 'Ce panier ne peut pas être affiché pour le moment.') })));
    return true;
  }
  baskets.set(name, result.data);
  renderBasket(name);
  return true;
}

async function loadBaskets() {
  basketsLoaded = true;
  const shown = selectedBasket();
  if (!(await loadBasket(shown))) return;
  await Promise.all(BASKETS.map((b) => b.name).filter((n) => n !== shown).map(loadBasket));
}

// ---------- finding a need ----------
// GET /api/admin/needs?q= (company name, SIRET, contact email or need id), most recent first; a DSFR table whose
// rows link to the need view. The count goes to a live region; focus stays in the search box.

let needSearchTicket = 0;

function needSearchTable(rows, q) {
  const captionId = 'need-search-caption';
  return el('div', { className: 'fr-table fr-table--sm fr-table--no-caption ce-table', attrs: { 'data-testid': 'need-search-table' } },
    el('div', { className: 'fr-table__wrapper' },
      el('div', { className: 'fr-table__container', attrs: { role: 'region', 'aria-labelledby': captionId, tabindex: '0' } },
        el('div', { className: 'fr-table__content' },
          el('table', {},
            el('caption', { id: captionId, text: `Besoins trouvés pour « ${q} », du plus récent au plus ancien` }),
            el('thead', {}, el('tr', {}, ['Déposé le', 'Entreprise', 'SIRET', 'Commune', 'Sujet', 'Contact', 'Besoin']
              .map((title) => el('th', { text: title, attrs: { scope: 'col' } })))),
            el('tbody', {}, rows.map((row) => el('tr', { attrs: { 'data-testid': 'need-search-row', 'data-need-id': row.needId } },
              el('td', { text: formatDateTime(row.createdAt) }),
              el('th', { text: row.companyName || 'Nom non diffusé', attrs: { scope: 'row' } }),
              el('td', { text: row.siret ?? '' }),
              el('td', { text: row.communeName ?? '' }),
              el('td', { text: row.subject ?? '' }),
              el('td', { text: row.contactEmail ?? '' }),
              el('td', {}, el('a', {
                className: 'fr-link', text: 'Ouvrir',
                attrs: { href: `#besoin=${encodeURIComponent(row.needId)}`, 'aria-label': `Ouvrir le besoin ${row.needId} (${row.companyName || 'nom non diffusé'})` },
              }))))))))));
}

byId('need-search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = byId('need-search-q');
  const q = input.value.trim();
  const status = byId('need-search-status');
  const results = byId('need-search-results');
  clearFieldError('need-search-q');
  if (!q) {
    setFieldError('need-search-q', 'Saisissez un nom d\'entreprise, un SIRET, une adresse email ou un identifiant de besoin');
    input.focus();
    return;
  }
  const ticket = ++needSearchTicket;
  status.textContent = 'Recherche en cours…';
  const result = await api(`/api/admin/needs?q=${encodeURIComponent(q)}`, { token: operatorSession.token });
  if (ticket !== needSearchTicket) return;
  if (handleAuthFailure(result)) return;
  if (result.status === 400 && result.data?.errors?.q) {
    status.textContent = '';
    results.replaceChildren();
    setFieldError('need-search-q', result.data.errors.q);
    input.focus();
    return;
  }
  if (result.status !== 200 || !Array.isArray(result.data)) {
    results.replaceChildren();
    status.textContent = problemText(result, 'La recherche ne répond pas pour le moment. Réessayez dans quelques instants.');
    return;
  }
  const rows = result.data;
  status.textContent = rows.length === 0
    ? `Aucun besoin ne correspond à « ${q} ».`
    : `${rows.length} besoin${rows.length > 1 ? 's' : ''} trouvé${rows.length > 1 ? 's' : ''}${rows.length >= 50 ? ' (les 50 plus récents : précisez la recherche)' : ''}.`;
  results.replaceChildren(...(rows.length ? [needSearchTable(rows, q)] : []));
});

// ---------- views ----------

function needIdOfHash() {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('besoin');
}

async function route({ initial = false } = {}) {
  if (!operatorSession.token) {
    showSignIn();
    return;
  }
  const pending = sessionStorage.getItem(PENDING_NEED);
  sessionStorage.removeItem(PENDING_NEED);
  if (pending && !needIdOfHash()) {
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}#besoin=${encodeURIComponent(pending)}`);
  }
  byId('signin-view').hidden = true;
  byId('workspace').hidden = false;
  const needId = needIdOfHash();
  if (needId) {
    byId('home-view').hidden = true;
    byId('need-view').hidden = false;
    await showNeed(needId, { onAuthFailure: handleAuthFailure });
    return;
  }
  // In-page anchors (#suivi, #annuaire…) keep the home view.
  const wasNeed = !byId('need-view').hidden;
  byId('need-view').hidden = true;
  byId('home-view').hidden = false;
  document.title = 'Espace opérateur – Conseillers-Entreprises';
  loadRoutingSubjects();
  loadBlocklist();
  loadApiKeys();
  loadCoverageSubjects();
  if (!basketsLoaded || wasNeed) await loadBaskets();
  // Back from a need: focus on the baskets, unless the operator has already moved on in the home view meanwhile.
  if (wasNeed && !initial && !byId('home-view').contains(document.activeElement)) {
    focusOn(byId('suivi'));
    announce('Suivi qualité');
  }
}

buildTabs();
setUpDirectory({ onAuthFailure: handleAuthFailure });
setUpRouting({ onAuthFailure: handleAuthFailure });
setUpBlocklist({ onAuthFailure: handleAuthFailure });
setUpApiKeys({ onAuthFailure: handleAuthFailure });
setUpCoverage({ onAuthFailure: handleAuthFailure });
setUpDeparture({ onAuthFailure: handleAuthFailure });
setUpPersonalData({ onAuthFailure: handleAuthFailure });
setUpAnnualReport({ onAuthFailure: handleAuthFailure });
window.addEventListener('hashchange', () => {
  // A sign-in link opened in this tab while the page is shown: only the fragment changes, the page stays.
  const fresh = takeFragment();
  if (fresh.jeton) {
    operatorSession.token = fresh.jeton;
    basketsLoaded = false;
    route();
    return;
  }
  const hash = window.location.hash.replace(/^#/, '');
  if (hash === 'contenu' || hash === 'pied-de-page') return; // skip links
  if (hash && !hash.startsWith('besoin=') && byId('need-view').hidden) return; // a tool link of the home view
  route();
});
route({ initial: true });
