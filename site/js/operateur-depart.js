// "Départ d'un conseiller" of the operators' space: find the advisor who leaves (GET /api/admin/advisors?q=, the search
// of "Ajouter un conseiller" over the whole directory), see its open needs (GET /api/admin/advisors/{id}), choose the
// colleague with the same search, confirm → POST /api/admin/advisors/{id}/reassign {"toAdvisorId"}: its open needs go to
// the colleague (emailed once per need), then it is deactivated. Every step's result is focused; a 400 goes next to
// the colleague search; a retry is safe (the API does nothing twice).
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce } from './dom.js';
import { clearFieldError, showFieldErrors } from './forms.js';
import { inboxStatuses, statusLabel } from './labels.js';
import { operatorSession } from './operateur-besoin.js';

let authFailure = () => false;
let leaving = null; // the advisor view of the one who leaves, once chosen
const tickets = { leaving: 0, colleague: 0 };
const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

/** A search box with its live status and result list; onChoose(candidate, button) when a result is chosen. */
function searchForm(prefix, label, hint, onChoose, excluded = () => null) {
  const form = el('form', { className: 'ce-narrow', attrs: { role: 'search', 'aria-label': label, novalidate: '', 'data-testid': `${prefix}-search-form` } },
    el('div', { className: 'fr-input-group', attrs: { 'data-field-group': `${prefix}-search` } },
      el('label', { className: 'fr-label', attrs: { for: `${prefix}-search` } }, label, el('span', { className: 'fr-hint-text', text: hint })),
      el('div', { className: 'ce-search-row' },
        el('input', { className: 'fr-input', id: `${prefix}-search`, attrs: { type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: '200', 'aria-describedby': `${prefix}-search-status ${prefix}-search-messages`, 'data-testid': `${prefix}-search` } }),
        el('button', { className: 'fr-btn fr-btn--secondary', text: 'Rechercher', attrs: { type: 'submit', 'data-testid': `${prefix}-search-submit` } })),
      el('p', { className: 'fr-hint-text fr-mt-1w', id: `${prefix}-search-status`, attrs: { 'aria-live': 'polite', 'data-testid': `${prefix}-search-status` } }),
      el('div', { className: 'fr-messages-group', id: `${prefix}-search-messages`, attrs: { 'aria-live': 'polite' } })));
  const results = el('ul', { className: 'ce-plain-list', attrs: { 'data-testid': `${prefix}-candidates` } });
  let timer = null;
  const run = async () => {
    const q = form.querySelector('input').value.trim();
    const status = form.querySelector(`#${prefix}-search-status`);
    clearFieldError(`${prefix}-search`);
    if (q.length < 2) {
      results.replaceChildren();
      status.textContent = 'Saisissez au moins 2 caractères : nom, institution, antenne, territoire ou identifiant.';
      return;
    }
    const ticket = ++tickets[prefix];
    const result = await api(`/api/admin/advisors?q=${encodeURIComponent(q)}`, { token: operatorSession.token });
    if (ticket !== tickets[prefix] || authFailure(result)) return;
    if (result.status === 400 && result.data?.errors) {
      showFieldErrors(result.data, { q: `${prefix}-search` });
      return;
    }
    if (result.status !== 200 || !result.data) {
      results.replaceChildren();
      status.textContent = problemText(result, 'La recherche des conseillers ne répond pas pour le moment. Réessayez.');
      return;
    }
    const candidates = (result.data.candidates ?? []).filter((c) => c.advisorId !== excluded());
    status.textContent = candidates.length === 0
      ? `Aucun conseiller actif ne correspond à « ${q} ».`
      : `${plural(result.data.total, 'conseiller trouvé', 'conseillers trouvés')}${result.data.total > candidates.length ? `, les ${candidates.length} premiers affichés : précisez la recherche` : ''}.`;
    results.replaceChildren(...candidates.map((c) => {
      const button = el('button', {
        className: 'fr-btn fr-btn--sm fr-btn--tertiary', text: 'Choisir',
        attrs: { type: 'button', 'data-testid': `${prefix}-choose`, 'aria-label': `Choisir ${c.advisorName} (${c.institution}, ${c.antenna})` },
      });
      button.addEventListener('click', () => onChoose(c, button));
      return el('li', { className: 'ce-candidate fr-mb-2w', attrs: { 'data-testid': `${prefix}-candidate`, 'data-advisor-id': c.advisorId } },
        el('p', { className: 'fr-mb-1v' }, el('strong', { text: c.advisorName }), ` – ${c.institution}, ${c.antenna}`),
        el('p', { className: 'fr-text--sm fr-mb-1v ce-muted', text: `Territoire : ${c.territory}` }),
        button);
    }));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  form.querySelector('input').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  return [form, results];
}

async function chooseLeaving(candidate) {
  const step = byId('departure-step');
  const result = await api(`/api/admin/advisors/${encodeURIComponent(candidate.advisorId)}`, { token: operatorSession.token });
  if (authFailure(result)) return;
  byId('departure-result').hidden = true;
  if (result.status !== 200 || !result.data) {
    step.replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm', attrs: { 'data-testid': 'departure-problem' } },
      el('p', { text: problemText(result, 'Ce conseiller ne peut pas être affiché pour le moment. Réessayez.') })));
    step.hidden = false;
    focusOn(step);
    return;
  }
  leaving = result.data;
  const open = leaving.openNeeds ?? [];
  const [colleagueForm, colleagueResults] = searchForm('colleague', 'Rechercher le collègue qui reprend ses besoins',
    'Comme pour « Ajouter un conseiller » : nom, institution, antenne, territoire ou identifiant.', askConfirmation, () => leaving?.advisorId);
  step.replaceChildren(
    el('h3', { className: 'fr-h5', id: 'departure-step-title', text: `${leaving.name} quitte le service` }),
    el('dl', { className: 'ce-facts', attrs: { 'data-testid': 'departure-facts' } },
      el('dt', { text: 'Institution' }), el('dd', { text: leaving.institution }),
      el('dt', { text: 'Antenne' }), el('dd', { text: leaving.antenna }),
      el('dt', { text: 'Email' }), el('dd', { text: leaving.email })),
    el('p', { attrs: { 'data-testid': 'departure-open-count', 'data-count': String(open.length) }, text: open.length
      ? `${plural(open.length, 'besoin en cours', 'besoins en cours')} (sans réponse ou pris en charge) : ${open.length > 1 ? 'ils seront confiés' : 'il sera confié'} au collègue choisi.`
      : 'Aucun besoin en cours : le conseiller sera seulement désactivé.' }),
    open.length
      ? el('ul', { attrs: { 'data-testid': 'departure-open-needs' } }, open.map((n) => el('li', { attrs: { 'data-need-id': n.needId } },
        el('a', { className: 'fr-link', text: n.subject ?? n.needId, attrs: { href: `#besoin=${encodeURIComponent(n.needId)}` } }),
        ` – ${n.companyName || 'Nom non diffusé'}${n.communeName ? `, ${n.communeName}` : ''} · ${statusLabel(inboxStatuses, n.status)}`)))
      : null,
    colleagueForm,
    colleagueResults,
    el('div', { id: 'departure-confirm', className: 'ce-panel fr-mt-2w', attrs: { 'data-testid': 'departure-confirm', tabindex: '-1', hidden: true } }));
  step.hidden = false;
  focusOn(byId('departure-step-title'));
}

function askConfirmation(colleague, opener) {
  const panel = byId('departure-confirm');
  const count = leaving.openNeeds?.length ?? 0;
  panel.replaceChildren(
    el('h4', { className: 'fr-h6', id: 'departure-confirm-title', text: `Confier les besoins de ${leaving.name} à ${colleague.advisorName} ?` }),
    el('dl', { className: 'ce-facts' },
      el('dt', { text: 'Collègue' }), el('dd', { text: `${colleague.advisorName} (identifiant ${colleague.advisorId})` }),
      el('dt', { text: 'Institution' }), el('dd', { text: colleague.institution }),
      el('dt', { text: 'Antenne' }), el('dd', { text: colleague.antenna })),
    el('p', { text: `${count ? `${plural(count, 'besoin en cours lui sera confié', 'besoins en cours lui seront confiés')}, chacun annoncé par email ; ` : ''}puis ${leaving.name} sera désactivé : plus aucun besoin ne lui sera transmis.` }),
    el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' },
      el('li', {}, el('button', { className: 'fr-btn', text: 'Confirmer le départ', attrs: { type: 'button', 'data-testid': 'departure-confirm-button' } })),
      el('li', {}, el('button', { className: 'fr-btn fr-btn--tertiary', text: 'Choisir un autre collègue', attrs: { type: 'button', 'data-testid': 'departure-back' } }))));
  panel.hidden = false;
  focusOn(byId('departure-confirm-title'));
  panel.querySelector('[data-testid="departure-back"]').addEventListener('click', () => {
    panel.hidden = true;
    panel.replaceChildren();
    (opener?.isConnected ? opener : byId('colleague-search')).focus();
  });
  const confirm = panel.querySelector('[data-testid="departure-confirm-button"]');
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const result = await api(`/api/admin/advisors/${encodeURIComponent(leaving.advisorId)}/reassign`,
      { method: 'POST', body: { toAdvisorId: colleague.advisorId }, token: operatorSession.token });
    confirm.disabled = false;
    if (authFailure(result)) return;
    if (result.status === 400 && result.data?.errors) {
      panel.hidden = true;
      const { first } = showFieldErrors(result.data, { toAdvisorId: 'colleague-search' });
      byId(first ?? 'colleague-search').focus();
      return;
    }
    showResult(result, colleague);
  });
}

function showResult(result, colleague) {
  const out = byId('departure-result');
  if (result.status !== 200 || !result.data) {
    out.replaceChildren(el('div', { className: 'fr-alert fr-alert--error', attrs: { 'data-testid': 'departure-error' } },
      el('p', { text: problemText(result, 'Le départ n\'a pas pu être enregistré. Réessayez : rien ne sera fait deux fois.') })));
  } else {
    const { reassigned = [], skipped = [] } = result.data;
    const message = `${reassigned.length ? `${plural(reassigned.length, 'besoin confié', 'besoins confiés')} à ${colleague.advisorName}, prévenu par email. ` : ''}${leaving.name} est désactivé.`;
    out.replaceChildren(el('div', { className: 'fr-alert fr-alert--success', attrs: { 'data-testid': 'departure-success' } },
      el('h3', { className: 'fr-alert__title', text: 'Départ enregistré' }),
      el('p', { text: message }),
      skipped.length
        ? el('div', {},
          el('p', { text: `${plural(skipped.length, 'besoin laissé tel quel', 'besoins laissés tels quels')} :` }),
          el('ul', { attrs: { 'data-testid': 'departure-skipped' } }, skipped.map((s) => el('li', {},
            el('a', { className: 'fr-link', text: s.subject ?? s.needId, attrs: { href: `#besoin=${encodeURIComponent(s.needId)}` } }),
            ` – ${s.companyName || 'Nom non diffusé'} : ${s.reason}`))))
        : null));
    byId('departure-step').hidden = true;
    announce(message);
  }
  out.hidden = false;
  focusOn(out);
}

export function setUpDeparture({ onAuthFailure }) {
  authFailure = onAuthFailure;
  const [form, results] = searchForm('leaving', 'Rechercher le conseiller qui part',
    'Son nom, son institution, son antenne, son territoire ou son identifiant.', chooseLeaving);
  byId('departure-search').replaceChildren(form, results);
}
