// "Clés d'API des partenaires" of the operators' space: POST /api/admin/api-keys {institutionId, label} issues a key
// (its secret is in that answer only: shown once, with a copy button and a warning), GET /api/admin/api-keys lists them
// without any secret, DELETE /api/admin/api-keys/{id} revokes one (behind a confirmation; revoking twice is harmless).
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce, formatDate, formatDateTime } from './dom.js';
import { setFieldError, clearFieldError, showFieldErrors, controlOf } from './forms.js';
import { operatorSession } from './operateur-besoin.js';

const FIELDS = { institutionId: 'api-key-institution', label: 'api-key-label' };
const STATUS = {
  valid: { label: 'Active', badge: 'fr-badge--success' },
  expired: { label: 'Expirée', badge: 'fr-badge--warning' },
  revoked: { label: 'Révoquée', badge: 'fr-badge--error' },
};
let authFailure = () => false;
let institutionsLoaded = false;

async function fillInstitutions() {
  if (institutionsLoaded) return;
  const select = byId('api-key-institution');
  const result = await api('/api/admin/directory', { token: operatorSession.token });
  if (authFailure(result)) return;
  if (result.status !== 200 || !Array.isArray(result.data?.institutions)) {
    select.replaceChildren(el('option', { text: 'Les institutions ne peuvent pas être chargées', attrs: { value: '' } }));
    return;
  }
  institutionsLoaded = true;
  const institutions = [...result.data.institutions].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  select.replaceChildren(el('option', { text: 'Choisissez l\'institution', attrs: { value: '' } }),
    ...institutions.map((i) => el('option', { text: i.name, attrs: { value: i.id } })));
}

function revokeCell(key) {
  if (key.status === 'revoked') return el('td', { text: key.revokedAt ? `le ${formatDate(key.revokedAt)}` : '' });
  const panelId = `api-key-revoke-${key.id}`;
  const open = el('button', {
    className: 'fr-btn fr-btn--sm fr-btn--tertiary', text: 'Révoquer…',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId, 'data-testid': 'api-key-revoke-open', 'aria-label': `Révoquer la clé « ${key.label} »…` },
  });
  const confirm = el('button', { className: 'fr-btn fr-btn--sm', text: 'Confirmer la révocation', attrs: { type: 'button', 'data-testid': 'api-key-revoke-confirm' } });
  const dismiss = el('button', { className: 'fr-btn fr-btn--sm fr-btn--secondary', text: 'Garder la clé', attrs: { type: 'button', 'data-testid': 'api-key-revoke-dismiss' } });
  const panel = el('div', { id: panelId, className: 'fr-mt-1w', attrs: { hidden: true, 'data-testid': 'api-key-revoke-panel' } },
    el('p', { className: 'fr-text--sm fr-mb-1w', text: `« ${key.label} » sera refusée dès le prochain appel du partenaire, définitivement.` }),
    el('ul', { className: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm' }, el('li', {}, confirm), el('li', {}, dismiss)));
  open.addEventListener('click', () => {
    panel.hidden = false;
    open.setAttribute('aria-expanded', 'true');
    confirm.focus();
  });
  dismiss.addEventListener('click', () => {
    panel.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  });
  confirm.addEventListener('click', () => revoke(key));
  return el('td', {}, open, panel);
}

function keyTable(keys) {
  const captionId = 'api-key-caption';
  return el('div', { className: 'fr-table fr-table--sm fr-table--no-caption ce-table', attrs: { 'data-testid': 'api-key-table' } },
    el('div', { className: 'fr-table__wrapper' },
      el('div', { className: 'fr-table__container', attrs: { role: 'region', 'aria-labelledby': captionId, tabindex: '0' } },
        el('div', { className: 'fr-table__content' },
          el('table', {},
            el('caption', { id: captionId, text: 'Clés d\'API délivrées, de la plus récente à la plus ancienne' }),
            el('thead', {}, el('tr', {}, ['Nom', 'Institution', 'Créée le', 'Expire le', 'Dernier appel', 'État', 'Révocation']
              .map((title) => el('th', { text: title, attrs: { scope: 'col' } })))),
            el('tbody', {}, keys.map((key) => el('tr', { attrs: { 'data-testid': 'api-key-row', 'data-key-id': key.id, 'data-status': key.status } },
              el('th', { text: key.label, attrs: { scope: 'row' } }),
              el('td', { text: key.institutionName ?? key.institutionId }),
              el('td', { text: formatDate(key.createdAt) }),
              el('td', { text: formatDate(key.expiresAt) }),
              el('td', { text: key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Jamais' }),
              el('td', {}, el('p', { className: `fr-badge fr-badge--sm ${STATUS[key.status]?.badge ?? ''}`, text: STATUS[key.status]?.label ?? key.status })),
              revokeCell(key)))))))));
}

async function loadKeys() {
  const status = byId('api-key-status');
  const result = await api('/api/admin/api-keys', { token: operatorSession.token });
  if (authFailure(result)) return;
  if (result.status !== 200 || !Array.isArray(result.data)) {
    status.textContent = problemText(result, 'La liste des clés ne peut pas être chargée pour le moment.');
    return;
  }
  status.textContent = result.data.length === 0 ? 'Aucune clé n\'a encore été délivrée.'
    : `${result.data.length} clé${result.data.length > 1 ? 's' : ''}.`;
  byId('api-key-list').replaceChildren(result.data.length ? keyTable(result.data) : '');
}

async function revoke(key) {
  const result = await api(`/api/admin/api-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE', token: operatorSession.token });
  if (authFailure(result)) return;
  if (result.status !== 200) {
    byId('api-key-status').textContent = problemText(result, 'La clé n\'a pas pu être révoquée. Réessayez.');
    return;
  }
  await loadKeys();
  announce(`La clé « ${key.label} » est révoquée.`);
  focusOn(byId('api-key-list-title'));
}

/** The secret, once: a read-only field to select, a copy button, and why it cannot be shown again. */
function showIssued(issued) {
  const box = byId('api-key-issued');
  const copied = el('p', { className: 'fr-hint-text fr-mt-1w', attrs: { 'aria-live': 'polite', 'data-testid': 'api-key-copied' } });
  const copy = el('button', { className: 'fr-btn fr-btn--secondary', text: 'Copier la clé', attrs: { type: 'button', 'data-testid': 'api-key-copy' } });
  const field = el('input', { className: 'fr-input', id: 'api-key-secret', attrs: { type: 'text', readonly: true, value: issued.key, spellcheck: 'false', 'data-testid': 'api-key-secret' } });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(issued.key);
      copied.textContent = 'Clé copiée dans le presse-papiers.';
    } catch {
      field.select();
      copied.textContent = 'La copie automatique n\'est pas permise ici : la clé est sélectionnée, copiez-la avec Ctrl+C.';
    }
  });
  box.replaceChildren(el('div', { className: 'fr-alert fr-alert--warning' },
    el('h3', { className: 'fr-alert__title', text: `Clé « ${issued.label} » créée pour ${issued.institutionName}` }),
    el('p', { text: `Copiez-la maintenant et transmettez-la au partenaire par un canal sûr : elle ne sera plus jamais affichée (seule son empreinte est conservée). Elle expire le ${formatDate(issued.expiresAt)}.` }),
    el('div', { className: 'fr-input-group fr-mt-2w' },
      el('label', { className: 'fr-label', text: 'Clé d\'API', attrs: { for: 'api-key-secret' } }),
      el('div', { className: 'ce-search-row' }, field, copy)),
    copied));
  box.hidden = false;
  focusOn(box);
}

async function issue(event) {
  event.preventDefault();
  for (const field of Object.values(FIELDS)) clearFieldError(field);
  byId('api-key-issued').hidden = true;
  const institutionId = byId('api-key-institution').value;
  const label = byId('api-key-label').value.trim();
  const missing = [];
  if (!institutionId) missing.push(['api-key-institution', 'Choisissez l\'institution partenaire à qui la clé est destinée']);
  if (!label) missing.push(['api-key-label', 'Donnez un nom à la clé, par exemple « Site de la CCI Occitanie »']);
  if (missing.length) {
    for (const [field, message] of missing) setFieldError(field, message);
    byId(missing[0][0]).focus();
    return;
  }
  const result = await api('/api/admin/api-keys', { method: 'POST', body: { institutionId, label }, token: operatorSession.token });
  if (authFailure(result)) return;
  if (result.status === 201 && result.data?.key) {
    byId('api-key-label').value = '';
    await loadKeys();
    showIssued(result.data);
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    const { first } = showFieldErrors(result.data, FIELDS);
    if (first) {
      controlOf(first)?.focus();
      return;
    }
  }
  const box = byId('api-key-issued');
  box.replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm', attrs: { 'data-testid': 'api-key-error' } },
    el('p', { text: problemText(result, 'La clé n\'a pas pu être créée pour le moment.') })));
  box.hidden = false;
  focusOn(box);
}

export function setUpApiKeys({ onAuthFailure }) {
  authFailure = onAuthFailure;
  byId('api-key-form').addEventListener('submit', issue);
}

/** Once the operator is signed in: the institutions for the select and the keys. */
export function loadApiKeys() {
  return Promise.all([fillInstitutions(), loadKeys()]);
}
