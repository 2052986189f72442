// "Besoins de mes antennes": an antenna manager's page (GET /api/manager/needs; then its stats, responsable-stats.js),
// opened from the signed links of the weekly digest (/responsable/#besoin=…&jeton=…) or of a requested link
// (/responsable/#jeton=…). The token is kept for the tab only (sessionStorage) and wiped from the address bar; without
// one, or after a 401, the page offers a fresh link by email (POST /api/manager/login-link, always 202).
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce, formatDate, alertBox } from './dom.js';
import { takeFragment } from './links.js';
import { needStatuses, antennaStatuses, statusLabel, badgeClass } from './labels.js';
import { setUpManagerStats } from './responsable-stats.js';

const TOKEN = 'ce.responsable.jeton';
const fragment = takeFragment();
if (fragment.jeton) sessionStorage.setItem(TOKEN, fragment.jeton);
let answer = null;

function showSignIn(alert) {
  byId('manager-needs').hidden = true;
  byId('manager-sign-in').hidden = false;
  byId('manager-alert').replaceChildren(...(alert ? [alert] : []));
  if (alert) focusOn(alert);
}

function badge(table, status) {
  return el('p', { className: `${badgeClass(table, status)} fr-badge--sm`, text: statusLabel(table, status) });
}

function needsTable(rows) {
  const captionId = 'manager-caption';
  return el('div', { className: 'fr-table fr-table--sm fr-table--no-caption ce-table', attrs: { 'data-testid': 'manager-table' } },
    el('div', { className: 'fr-table__wrapper' },
      el('div', { className: 'fr-table__container', attrs: { role: 'region', 'aria-labelledby': captionId, tabindex: '0' } },
        el('div', { className: 'fr-table__content' },
          el('table', {},
            el('caption', { id: captionId, text: 'Besoins transmis aux conseillers de mes antennes, du plus récent au plus ancien' }),
            el('thead', {}, el('tr', {}, ['Déposé le', 'Entreprise', 'Sujet', 'Commune', 'Antenne', 'Conseillers', 'Mon équipe', 'Le besoin']
              .map((title) => el('th', { text: title, attrs: { scope: 'col' } })))),
            el('tbody', {}, rows.map((row) => el('tr', {
              attrs: { 'data-testid': 'manager-row', 'data-need-id': row.needId, 'aria-current': row.needId === fragment.besoin ? 'true' : null },
            },
            el('td', { text: formatDate(row.createdAt) }),
            el('th', { text: row.companyName || 'Nom non renseigné', attrs: { scope: 'row' } }),
            el('td', { text: row.subject }),
            el('td', { text: row.communeName }),
            el('td', { text: row.antennaName }),
            el('td', { text: row.advisors }),
            el('td', { attrs: { 'data-testid': 'manager-antenna-status' } }, badge(antennaStatuses, row.antennaStatus)),
            el('td', {}, badge(needStatuses, row.status))))))))));
}

function render() {
  const onlyAwaiting = byId('only-awaiting').checked;
  const rows = onlyAwaiting ? answer.needs.filter((n) => n.awaitingAnswer) : answer.needs;
  const awaiting = answer.needs.filter((n) => n.awaitingAnswer).length;
  byId('manager-count').textContent = onlyAwaiting
    ? `${rows.length} besoin${rows.length > 1 ? 's' : ''} sans réponse de votre équipe.`
    : `${rows.length} besoin${rows.length > 1 ? 's' : ''}, dont ${awaiting} sans réponse de votre équipe.`;
  byId('manager-table').replaceChildren(rows.length
    ? needsTable(rows)
    : el('p', { text: onlyAwaiting ? 'Tous les besoins de vos antennes ont reçu une réponse.' : 'Aucun besoin n\'a encore été transmis à vos antennes.' }));
}

function renderHighlight() {
  const asked = fragment.besoin && answer.needs.find((n) => n.needId === fragment.besoin);
  if (!fragment.besoin) return null;
  const box = asked
    ? el('div', { className: 'fr-callout fr-mb-3w', attrs: { 'data-testid': 'manager-highlight' } },
      el('h2', { className: 'fr-callout__title', text: `${asked.subject} — ${asked.companyName || 'Entreprise'}` }),
      el('p', { className: 'fr-callout__text', text: `Transmis le ${formatDate(asked.sentAt)} à ${asked.advisors} (${asked.antennaName}).` }),
      badge(antennaStatuses, asked.antennaStatus))
    : alertBox('info', null, 'Ce besoin n\'est plus dans la liste de vos antennes.');
  byId('manager-highlight').replaceChildren(box);
  return box;
}

async function start() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) {
    showSignIn(null);
    return;
  }
  const result = await api('/api/manager/needs', { token });
  if (result.status === 401 || result.status === 403) {
    sessionStorage.removeItem(TOKEN);
    // No heading in the alert: it comes before the form's h2, right under the page's h1.
    showSignIn(alertBox('warning', null, `Lien expiré ou non valide. ${problemText(result)}`));
    return;
  }
  byId('manager-needs').hidden = false;
  if (result.status !== 200 || !result.data) {
    byId('manager-needs').setAttribute('aria-busy', 'false');
    byId('manager-alert').replaceChildren(alertBox('error', null, problemText(result, 'La liste ne peut pas être affichée pour le moment.')));
    return;
  }
  answer = result.data;
  byId('manager-scope').textContent = `${answer.name} — ${answer.antennas.map((a) => `${a.name} (${a.institution})`).join(', ')}`;
  render();
  byId('manager-needs').setAttribute('aria-busy', 'false');
  setUpManagerStats(token, answer.antennas);
  const highlight = renderHighlight();
  if (highlight) focusOn(highlight);
}

byId('only-awaiting').addEventListener('change', () => { if (answer) render(); });

byId('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = byId('email').value.trim();
  const group = byId('email-group');
  const messages = byId('email-messages');
  const result = await api('/api/manager/login-link', { method: 'POST', body: { email } });
  if (result.status === 400) {
    group.classList.add('fr-input-group--error');
    byId('email').setAttribute('aria-invalid', 'true');
    messages.replaceChildren(el('p', { className: 'fr-message fr-message--error', text: result.data?.errors?.email?.[0] ?? 'Adresse email invalide' }));
    byId('email').focus();
    return;
  }
  group.classList.remove('fr-input-group--error');
  byId('email').removeAttribute('aria-invalid');
  messages.replaceChildren();
  const box = result.status === 202
    ? alertBox('success', null, 'Si cette adresse est celle d\'un responsable d\'antenne, un lien d\'accès vient de lui être envoyé par email.', { 'data-testid': 'sign-in-sent' })
    : alertBox('error', null, problemText(result));
  byId('sign-in-result').replaceChildren(box);
  focusOn(box);
  announce(box.textContent);
});

start();
