// "Besoins reçus": the advisor's needs by tab (GET /api/advisor/inbox?tab=…), opened from the sign-in link
// /conseiller/#jeton=… The search filters the displayed tab in the browser (company, subject, commune).
import { api, problemText } from './api.js';
import { el, byId, formatDateTime } from './dom.js';
import { takeFragment, advisorSession, goToFreshLinkPage } from './links.js';
import { inboxStatuses, statusLabel, badgeClass } from './labels.js';

const TABS = [
  { name: 'inbox', label: 'Boîte de réception', empty: 'Aucun besoin en attente de votre réponse.' },
  { name: 'taking_care', label: 'Pris en charge', empty: 'Aucun besoin pris en charge en cours.' },
  { name: 'done', label: 'Clôturés', empty: 'Aucun besoin clôturé.' },
  { name: 'not_for_me', label: 'Refusés', empty: 'Aucun besoin refusé.' },
  // A need an operator cancelled is listed here too (its rows say `cancelled`, whatever the advisor's position).
  { name: 'expired', label: 'Expirés ou annulés', empty: 'Aucun besoin expiré ou annulé.' },
];

const fragment = takeFragment();
if (fragment.jeton) advisorSession.token = fragment.jeton;
const rows = new Map(); // tab name → rows, once loaded

const normalize = (text) => String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function selectedTab() {
  return document.querySelector('[role="tab"][aria-selected="true"]')?.dataset.tab ?? 'inbox';
}

function rowCard(row) {
  return el('li', { className: 'fr-col-12 fr-col-md-6', attrs: { 'data-testid': 'inbox-row', 'data-need-id': row.needId } },
    el('div', { className: 'fr-card fr-card--sm fr-enlarge-link' },
      el('div', { className: 'fr-card__body' },
        el('div', { className: 'fr-card__content' },
          el('h2', { className: 'fr-card__title' },
            el('a', { text: row.companyName || 'Entreprise (nom non renseigné)', attrs: { href: `/conseiller/besoin.html#besoin=${encodeURIComponent(row.needId)}` } })),
          el('p', { className: 'fr-card__desc', text: row.subject ?? '' }),
          el('div', { className: 'fr-card__start' },
            el('p', { className: `${badgeClass(inboxStatuses, row.status)} fr-badge--sm`, text: statusLabel(inboxStatuses, row.status) })),
          el('div', { className: 'fr-card__end' },
            el('p', { className: 'fr-card__detail', text: [row.communeName, `reçu le ${formatDateTime(row.sentAt)}`].filter(Boolean).join(' · ') }))))));
}

function renderTab(name) {
  const tab = TABS.find((t) => t.name === name);
  const panel = byId(`panel-${name}`);
  const all = rows.get(name);
  if (!all) return;
  const query = normalize(byId('inbox-search').value).trim();
  const words = query.split(/\s+/).filter(Boolean);
  const shown = words.length
    ? all.filter((r) => { const hay = normalize(`${r.companyName} ${r.subject} ${r.communeName}`); return words.every((w) => hay.includes(w)); })
    : all;
  const content = [];
  if (all.length === 0) content.push(el('p', { text: tab.empty }));
  else if (shown.length === 0) content.push(el('p', { text: `Aucun besoin de cet onglet ne correspond à « ${byId('inbox-search').value.trim()} ».` }));
  else content.push(el('ul', { className: 'fr-grid-row fr-grid-row--gutters ce-plain-list', attrs: { 'data-testid': `rows-${name}` } }, shown.map(rowCard)));
  panel.replaceChildren(...content);
  if (name === selectedTab()) {
    byId('inbox-search-status').textContent = words.length
      ? `${shown.length} besoin${shown.length > 1 ? 's' : ''} sur ${all.length} dans l'onglet « ${tab.label} ».`
      : '';
  }
}

function setCount(name) {
  const tab = TABS.find((t) => t.name === name);
  const count = rows.get(name)?.length;
  byId(`tab-${name}`).textContent = count === undefined ? tab.label : `${tab.label} (${count})`;
}

async function loadTab(name) {
  const result = await api(`/api/advisor/inbox?tab=${encodeURIComponent(name)}`, { token: advisorSession.token });
  if (result.status === 401) {
    goToFreshLinkPage(/expir/i.test(result.data?.detail ?? '') ? 'expire' : 'invalide');
    return false;
  }
  if (result.status !== 200 || !Array.isArray(result.data)) {
    byId(`panel-${name}`).replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm' },
      el('p', { text: problemText(result, 'Cette liste ne peut pas être affichée pour le moment.') })));
    return true;
  }
  rows.set(name, result.data);
  setCount(name);
  renderTab(name);
  return true;
}

async function start() {
  if (!advisorSession.token) {
    goToFreshLinkPage('absent');
    return;
  }
  // The displayed tab first, then the others (for their counts).
  if (!(await loadTab(selectedTab()))) return;
  await Promise.all(TABS.map((t) => t.name).filter((n) => !rows.has(n)).map(loadTab));
}

byId('inbox-search').addEventListener('input', () => renderTab(selectedTab()));

// DSFR's tab script moves aria-selected (click, arrow keys): refresh the displayed tab and the search status then.
const observer = new MutationObserver(() => {
  const name = selectedTab();
  if (rows.has(name)) renderTab(name);
});
for (const tab of document.querySelectorAll('[role="tab"]')) observer.observe(tab, { attributes: true, attributeFilter: ['aria-selected'] });

// Back from a need sheet with the browser's Back button, Chromium and Firefox may show this page from their
// back/forward cache, as it was before the advisor acted: read every tab again then, so that the counts and the lists
// say what the advisor just did (the API has it as soon as the position's answer came back).
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  rows.clear();
  start();
});

start();
