// The operators' "Données personnelles" tool: finds a company's (SIRET) or person's (email) needs through
// GET /api/admin/companies/data, downloads that export as a JSON file (Blob + object URL: the Bearer header rules out a
// plain link), and erases it (POST /api/admin/companies/erase) once the operator has typed the confirmation word.
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce } from './dom.js';
import { setFieldError, clearFieldError } from './forms.js';
import { operatorSession } from './operateur-besoin.js';

const CONFIRMATION = 'EFFACER';

let authFailure = () => false;

function queryOf(text) {
  const value = text.trim();
  return value.includes('@') ? { email: value } : { siret: value.replace(/[\s.\u00A0]/g, '') };
}

function fileNameOf(query) {
  return query.siret ? `donnees-${query.siret}.json` : 'donnees-personne.json';
}

function download(query, data) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = el('a', { attrs: { href: url, download: fileNameOf(query) } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function showResult(query, data) {
  const result = byId('personal-data-result');
  const needs = data.needs ?? [];
  const count = needs.length === 0 ? 'Aucun besoin enregistré' : `${needs.length} besoin${needs.length > 1 ? 's' : ''} enregistré${needs.length > 1 ? 's' : ''}`;
  const parts = [el('p', { className: 'fr-mt-2w', text: `${count} pour ${query.siret ? `le SIRET ${query.siret}` : `l'adresse ${query.email}`}.`, attrs: { 'data-testid': 'personal-data-count' } })];
  const exportButton = el('button', { className: 'fr-btn fr-btn--secondary', text: 'Télécharger l\'export (JSON)', attrs: { type: 'button', 'data-testid': 'personal-data-download' } });
  exportButton.addEventListener('click', () => download(query, data));
  parts.push(el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' }, el('li', {}, exportButton)));
  if (needs.length > 0) parts.push(eraseForm(query));
  result.replaceChildren(...parts);
}

function eraseForm(query) {
  const form = el('form', { className: 'fr-mt-2w', attrs: { novalidate: true, 'data-testid': 'personal-data-erase-form' } },
    el('p', { text: 'L\'effacement est définitif : les besoins encore ouverts sont annulés (leurs conseillers en sont informés), puis les coordonnées, descriptions et commentaires de tous ses besoins sont anonymisés.' }),
    el('div', { className: 'fr-input-group', attrs: { 'data-field-group': 'personal-data-confirm' } },
      el('label', { className: 'fr-label', attrs: { for: 'personal-data-confirm' } }, `Pour confirmer, saisissez ${CONFIRMATION}`),
      el('input', { className: 'fr-input', id: 'personal-data-confirm', attrs: { type: 'text', autocomplete: 'off', 'aria-describedby': 'personal-data-confirm-messages', 'data-testid': 'personal-data-confirm' } }),
      el('div', { className: 'fr-messages-group', id: 'personal-data-confirm-messages', attrs: { 'aria-live': 'polite' } })),
    el('button', { className: 'fr-btn', text: 'Effacer les données', attrs: { type: 'submit', 'data-testid': 'personal-data-erase' } }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldError('personal-data-confirm');
    if (byId('personal-data-confirm').value.trim() !== CONFIRMATION) {
      setFieldError('personal-data-confirm', `Saisissez ${CONFIRMATION} pour confirmer l'effacement`);
      byId('personal-data-confirm').focus();
      return;
    }
    const answer = await api('/api/admin/companies/erase', { method: 'POST', body: query, token: operatorSession.token });
    if (authFailure(answer)) return;
    const box = byId('personal-data-result');
    if (answer.status === 200) {
      const erased = answer.data?.erased?.length ?? 0;
      box.replaceChildren(el('div', { className: 'fr-alert fr-alert--success fr-alert--sm fr-mt-2w', attrs: { 'data-testid': 'personal-data-erased', tabindex: '-1' } },
        el('p', { text: `Données effacées : ${erased} besoin${erased > 1 ? 's' : ''} anonymisé${erased > 1 ? 's' : ''}. L'effacement est inscrit au journal des opérateurs.` })));
      focusOn(box.firstElementChild);
      announce('Données effacées');
      return;
    }
    setFieldError('personal-data-confirm', problemText(answer, 'L\'effacement n\'a pas pu être fait : réessayez.'));
  });
  return form;
}

async function search(event) {
  event.preventDefault();
  clearFieldError('personal-data-q');
  const text = byId('personal-data-q').value;
  if (!text.trim()) {
    setFieldError('personal-data-q', 'Saisissez un SIRET ou une adresse email');
    byId('personal-data-q').focus();
    return;
  }
  const query = queryOf(text);
  const params = new URLSearchParams(query);
  const answer = await api(`/api/admin/companies/data?${params}`, { token: operatorSession.token });
  if (authFailure(answer)) return;
  if (answer.status === 200) {
    showResult(query, answer.data);
    return;
  }
  byId('personal-data-result').replaceChildren();
  const errors = answer.data?.errors;
  setFieldError('personal-data-q', errors?.siret?.[0] ?? errors?.email?.[0] ?? problemText(answer, 'La recherche n\'a pas abouti : réessayez.'));
  byId('personal-data-q').focus();
}

export function setUpPersonalData({ onAuthFailure } = {}) {
  if (onAuthFailure) authFailure = onAuthFailure;
  byId('personal-data-form')?.addEventListener('submit', search);
}
