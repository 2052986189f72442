// "Explication du routage" of the operators' space: GET /api/admin/routing/explain?subjectId=&communeCode=&siret=
// → the advisors kept, then those left out grouped by reason (French label and count; the long territory group folded).
// A commune is required: the form does not go without one.
import { api, problemText } from './api.js';
import { el, byId, focusOn } from './dom.js';
import { setFieldError, clearFieldError, showFieldErrors, controlOf } from './forms.js';
import { fillSubjectSelect } from './catalog.js';
import { operatorSession } from './operateur-besoin.js';

const FIELDS = { subjectId: 'routing-subject', communeCode: 'routing-commune', siret: 'routing-siret' };
let authFailure = () => false;
let catalogLoaded = false;
let communeTicket = 0;

async function fillSubjects() {
  if (catalogLoaded) return;
  catalogLoaded = await fillSubjectSelect(byId('routing-subject'));
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

const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

// The territory group is the long one (every advisor of the subject elsewhere in France): folded, with its count.
const FOLDED_RULES = new Set(['territory']);

function advisorLine(a, testId, detail) {
  return el('li', { attrs: { 'data-testid': testId, 'data-advisor-id': a.advisorId } },
    el('strong', { text: a.advisorName }),
    [a.institution, a.antenna].filter(Boolean).length ? ` – ${[a.institution, a.antenna].filter(Boolean).join(', ')}` : '',
    detail ? el('span', { className: 'ce-muted', text: ` · ${detail}` }) : null);
}

/** Left-out advisors grouped by rule, in the API's order (filters first); each group titled with its French label and count. */
function leftOutGroups(leftOut) {
  const groups = new Map();
  for (const a of leftOut) {
    if (!groups.has(a.rule)) groups.set(a.rule, { rule: a.rule, label: a.reasonLabel ?? a.rule, advisors: [] });
    groups.get(a.rule).advisors.push(a);
  }
  return [...groups.values()].map((g) => {
    const title = `${g.label} (${g.advisors.length})`;
    // Inside a territory group every reason says the same thing but for the antenna: the antenna is on the line already.
    const list = el('ul', { attrs: { 'data-testid': 'routing-left-out-list' } },
      g.advisors.map((a) => advisorLine(a, 'routing-left-out-advisor', FOLDED_RULES.has(g.rule) ? null : a.reason)));
    if (FOLDED_RULES.has(g.rule)) {
      return el('details', { className: 'ce-details fr-mb-2w', attrs: { 'data-testid': 'routing-left-out-group', 'data-rule': g.rule } },
        el('summary', { text: title }), list);
    }
    return el('div', { className: 'fr-mb-2w', attrs: { 'data-testid': 'routing-left-out-group', 'data-rule': g.rule } },
      el('h5', { className: 'fr-text--md fr-mb-1w', text: title }), list);
  });
}

function renderResult(data) {
  const kept = data.kept ?? [];
  const leftOut = data.leftOut ?? [];
  const out = byId('routing-result');
  out.replaceChildren(
    el('h3', { className: 'fr-h5', text: `Résultat : ${plural(kept.length, 'conseiller retenu', 'conseillers retenus')}, ${plural(leftOut.length, 'écarté', 'écartés')}` }),
    el('p', { className: 'fr-text--sm', attrs: { 'data-testid': 'routing-scope' }, text: [
      `Commune : ${data.communeName ? `${data.communeName} (${data.communeCode})` : data.communeCode}`,
      LOOKUP[data.companyLookup] ?? 'L\'établissement n\'a pas été trouvé : les filtres qui demandent ses données écartent le conseiller.',
    ].join(' · ') }),
    el('h4', { className: 'fr-h6', text: `Conseillers retenus (${kept.length})` }),
    kept.length
      ? el('ul', { attrs: { 'data-testid': 'routing-kept' } }, kept.map((a) => advisorLine(a, 'routing-kept-advisor', `identifiant ${a.advisorId}`)))
      : el('p', { text: 'Aucun : le besoin irait dans le panier « Sans conseiller ».', attrs: { 'data-testid': 'routing-none' } }),
    el('h4', { className: 'fr-h6', text: `Conseillers écartés (${leftOut.length})` }),
    leftOut.length
      ? el('div', { attrs: { 'data-testid': 'routing-left-out' } }, leftOutGroups(leftOut))
      : el('p', { text: 'Aucun.' }));
  out.hidden = false;
  focusOn(out);
}

async function explain(event) {
  event.preventDefault();
  for (const field of [...Object.values(FIELDS), 'routing-commune-search']) clearFieldError(field);
  const subjectId = byId('routing-subject').value;
  const communeCode = byId('routing-commune').value;
  const siret = byId('routing-siret').value.trim();
  const missing = [];
  if (!subjectId) missing.push(['routing-subject', 'Choisissez un sujet']);
  // A commune is required (the API refuses without one): without it every advisor is "left out", which explains nothing.
  if (!communeCode) {
    missing.push(byId('routing-commune').options.length > 1
      ? ['routing-commune', 'Choisissez la commune de l\'entreprise dans la liste']
      : ['routing-commune-search', 'Recherchez la commune de l\'entreprise, puis choisissez-la dans la liste']);
  }
  if (missing.length) {
    for (const [field, message] of missing) setFieldError(field, message);
    byId(missing[0][0]).focus();
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
