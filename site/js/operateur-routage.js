// "Explication du routage" of the operators' space: GET /api/admin/routing/explain?subjectId=&communeCode=&siret=
// → the advisors kept and those left out, each with the rule and the reason.
import { api, problemText } from './api.js';
import { el, byId, focusOn } from './dom.js';
import { setFieldError, clearFieldError, showFieldErrors, controlOf } from './forms.js';
import { loadCatalog } from './catalog.js';
import { operatorSession } from './operateur-besoin.js';

const FIELDS = { subjectId: 'routing-subject', communeCode: 'routing-commune', siret: 'routing-siret' };
let authFailure = () => false;
let catalogLoaded = false;
let communeTicket = 0;

async function fillSubjects() {
  if (catalogLoaded) return;
  const select = byId('routing-subject');
  const catalog = await loadCatalog();
  if (!catalog) {
    select.replaceChildren(el('option', { text: 'Les sujets ne peuvent pas être chargés', attrs: { value: '' } }));
    return;
  }
  catalogLoaded = true;
  select.replaceChildren(el('option', { text: 'Choisissez un sujet', attrs: { value: '' } }),
    ...catalog.themes.map((theme) => el('optgroup', { attrs: { label: theme.label } },
      theme.subjects.map((s) => el('option', { text: s.label, attrs: { value: s.id } })))));
}

async function searchCommunes() {
  const q = byId('routing-commune-search').value.trim();
  const status = byId('routing-commune-status');
  clearFieldError('routing-commune-search');
  if (q.length < 2) {
    status.textContent = 'Saisissez au moins 2 caractères.';
    return;
  }
  const ticket = ++communeTicket;
  const result = await api(`/api/communes?q=${encodeURIComponent(q)}`);
  if (ticket !== communeTicket) return;
  if (result.status !== 200 || !Array.isArray(result.data)) {
    setFieldError('routing-commune-search', problemText(result, 'La recherche de commune ne répond pas. Réessayez.'));
    return;
  }
  const select = byId('routing-commune');
  select.replaceChildren(el('option', { text: result.data.length ? 'Choisissez la commune' : 'Aucune commune trouvée', attrs: { value: '' } }),
    ...result.data.map((c) => el('option', { text: `${c.name} (${(c.postalCodes ?? []).join(', ') || c.departement}) – ${c.code}`, attrs: { value: c.code } })));
  if (result.data.length === 1) select.value = result.data[0].code;
  status.textContent = result.data.length === 0 ? 'Aucune commune trouvée.'
    : `${result.data.length} commune${result.data.length > 1 ? 's' : ''} trouvée${result.data.length > 1 ? 's' : ''}${result.data.length === 1 ? ' et choisie' : ' : choisissez-la dans la liste « Commune »'}.`;
}

const LOOKUP = {
  none: 'Sans SIRET : les filtres qui demandent les données de l\'entreprise écartent le conseiller.',
  found: 'Établissement trouvé : ses données comptent pour les filtres.',
};

function renderResult(data) {
  const kept = data.kept ?? [];
  const leftOut = data.leftOut ?? [];
  const out = byId('routing-result');
  out.replaceChildren(
    el('h3', { className: 'fr-h5', text: `Résultat : ${kept.length} conseiller${kept.length > 1 ? 's' : ''} retenu${kept.length > 1 ? 's' : ''}, ${leftOut.length} écarté${leftOut.length > 1 ? 's' : ''}` }),
    el('p', { className: 'fr-text--sm', text: [
      `Commune : ${data.communeCode ?? 'inconnue'}`,
      LOOKUP[data.companyLookup] ?? `Recherche de l'établissement : ${data.companyLookup}`,
    ].join(' · ') }),
    el('h4', { className: 'fr-h6', text: 'Conseillers retenus' }),
    kept.length
      ? el('ul', { attrs: { 'data-testid': 'routing-kept' } }, kept.map((a) => el('li', { attrs: { 'data-testid': 'routing-kept-advisor', 'data-advisor-id': a.advisorId } },
        el('strong', { text: a.advisorName }), ` – ${a.institution}, ${a.antenna} (identifiant ${a.advisorId})`)))
      : el('p', { text: 'Aucun : le besoin irait dans le panier « Sans conseiller ».', attrs: { 'data-testid': 'routing-none' } }),
    el('h4', { className: 'fr-h6', text: 'Conseillers écartés' }),
    leftOut.length
      ? el('ul', { attrs: { 'data-testid': 'routing-left-out' } }, leftOut.map((a) => el('li', { attrs: { 'data-testid': 'routing-left-out-advisor', 'data-advisor-id': a.advisorId } },
        el('strong', { text: a.advisorName }), ` (identifiant ${a.advisorId}) – ${a.reason}`, el('span', { className: 'ce-muted', text: ` [règle : ${a.rule}]` }))))
      : el('p', { text: 'Aucun.' }));
  out.hidden = false;
  focusOn(out);
}

async function explain(event) {
  event.preventDefault();
  for (const field of Object.values(FIELDS)) clearFieldError(field);
  const subjectId = byId('routing-subject').value;
  const communeCode = byId('routing-commune').value;
  const siret = byId('routing-siret').value.trim();
  if (!subjectId) {
    setFieldError('routing-subject', 'Choisissez un sujet');
    byId('routing-subject').focus();
    return;
  }
  const query = new URLSearchParams({ subjectId });
  if (communeCode) query.set('communeCode', communeCode);
  if (siret) query.set('siret', siret);
  const result = await api(`/api/admin/routing/explain?${query}`, { token: operatorSession.token });
  if (authFailure(result)) return;
  if (result.status === 200 && result.data) {
    renderResult(result.data);
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    const { first } = showFieldErrors(result.data, FIELDS);
    if (first) {
      controlOf(first)?.focus();
      return;
    }
  }
  const out = byId('routing-result');
  out.replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm' },
    el('p', { text: problemText(result, 'Le routage ne peut pas être expliqué pour le moment.') })));
  out.hidden = false;
  focusOn(out);
}

export function setUpRouting({ onAuthFailure }) {
  authFailure = onAuthFailure;
  byId('routing-commune-submit').addEventListener('click', searchCommunes);
  byId('routing-commune-search').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      searchCommunes();
    }
  });
  byId('routing-form').addEventListener('submit', explain);
}

/** The subjects are loaded once the operator is signed in (the catalogue is public, but only needed here). */
export function loadRoutingSubjects() {
  return fillSubjects();
}
