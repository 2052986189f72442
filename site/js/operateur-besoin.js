// The operators' view of one need (/operateur/#besoin={needId}): GET /api/admin/needs/{id}, and the team's actions
// (comment, add an advisor found by a search and confirmed, cancel with a reason). Every action is a POST whose
// answer is the need as it now is: the view re-renders from it, focus goes to what changed.
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce, formatDateTime } from './dom.js';
import { matchStatuses, needStatuses, holdReasons, statusLabel, badgeClass } from './labels.js';
import { setFieldError, clearFieldError, showFieldErrors, controlOf } from './forms.js';
import { loadCatalog, subjectOptions } from './catalog.js';

const TOKEN = 'ce.operateur.jeton';

export const operatorSession = {
  get token() { return sessionStorage.getItem(TOKEN); },
  set token(value) { sessionStorage.setItem(TOKEN, value); },
  clear() { sessionStorage.removeItem(TOKEN); },
};

const HELPED = { yes: 'Oui, l\'accompagnement l\'a aidée', partly: 'En partie', no: 'Non' };

let need = null;
let authFailure = () => false;
let busy = false;

/**
 * PRODUCT.md's status of the need, as NeedState.Status: cancelled whatever its matches, then NeedStatusRules (any
 * expired match → abandoned; not_for_me only when every advisor refused), with `unrouted` for a need without advisor;
 * `review` while a doubtful submission waits for a check, `rejected` once the check said no.
 */
function needStatus(state) {
  if (state.moderation?.rejectedAt) return 'rejected';
  if (state.cancellation) return 'cancelled';
  if (isHeld(state)) return 'review';
  if (state.timeline?.abandonedAt) return 'abandoned';
  const seen = new Set((state.matches ?? []).map((m) => m.status));
  if (seen.size === 0) return 'unrouted';
  for (const status of ['done', 'done_no_help', 'done_not_reachable', 'taking_care', 'quo']) {
    if (seen.has(status)) return status;
  }
  if (seen.has('expired')) return 'abandoned';
  return 'not_for_me';
}

/** A doubtful submission waiting for an operator to approve or reject it (NeedState.IsHeld). */
function isHeld(state) {
  const m = state.moderation;
  return Boolean(m) && !m.approvedAt && !m.rejectedAt && !state.cancellation;
}

function facts(list, entries) {
  list.replaceChildren(...entries.filter(([, value]) => value).flatMap(([term, value]) => [
    el('dt', { text: term }),
    el('dd', {}, value),
  ]));
}

function alertIn(container, type, title, text, testId) {
  container.replaceChildren(el('div', { className: `fr-alert fr-alert--${type} fr-alert--sm fr-mb-2w`, attrs: { 'data-testid': testId } },
    title ? el('h3', { className: 'fr-alert__title', text: title }) : null,
    el('p', { text })));
  container.hidden = false;
  focusOn(container);
}

function showProblem(title, message) {
  byId('need-loading').hidden = true;
  byId('need-sheet').hidden = true;
  byId('need-title').textContent = title;
  document.title = `${title} – Espace opérateur – Conseillers-Entreprises`;
  byId('need-problem').replaceChildren(el('div', { className: 'fr-alert fr-alert--error' }, el('p', { text: message })));
  byId('need-problem').hidden = false;
  focusOn(byId('need-title'));
}

// ---------- rendering ----------

function render() {
  const state = need;
  byId('need-problem').hidden = true;
  byId('need-loading').hidden = true;
  byId('need-sheet').hidden = false;
  byId('need-title').textContent = state.subjectLabel ?? 'Besoin';
  document.title = `${state.subjectLabel ?? 'Besoin'} – Espace opérateur – Conseillers-Entreprises`;
  const status = needStatus(state);
  const badge = byId('need-status');
  badge.className = badgeClass(needStatuses, status);
  badge.textContent = statusLabel(needStatuses, status);
  badge.dataset.status = status;
  byId('need-meta').textContent = `Besoin ${state.needId} · déposé le ${formatDateTime(state.createdAt)}`;
  byId('need-description').textContent = state.description ?? '';

  const company = state.company ?? {};
  facts(byId('company'), [
    ['Nom', company.name || 'Non renseigné'],
    ['SIRET', company.siret ?? 'Pas encore immatriculée (création ou reprise)'],
    ['Commune', [company.communeName, company.communeCode ? `(${company.communeCode})` : ''].filter(Boolean).join(' ')],
    ['Code NAF', company.nafCode],
  ]);
  const contact = state.contact ?? {};
  facts(byId('contact'), [
    ['Nom', `${contact.firstName ?? ''} ${contact.lastName ?? ''}`.trim()],
    ['Email', contact.email ? el('a', { text: contact.email, attrs: { href: `mailto:${contact.email}` } }) : null],
    ['Téléphone', contact.phone],
  ]);

  const t = state.timeline ?? {};
  facts(byId('timeline'), [
    ['Dépôt', formatDateTime(state.createdAt)],
    ['Mis en attente de vérification', state.moderation && `${formatDateTime(state.moderation.heldAt)} : ${(state.moderation.reasons ?? []).map((r) => holdReasons[r] ?? r).join(' ; ')}`],
    ['Validé par l\'équipe', state.moderation?.approvedAt && `${formatDateTime(state.moderation.approvedAt)} par ${state.moderation.approvedBy}`],
    ['Rejeté par l\'équipe', state.moderation?.rejectedAt && `${formatDateTime(state.moderation.rejectedAt)} par ${state.moderation.rejectedBy} : ${state.moderation.rejectionReason}`],
    ['Source', state.source ? `${state.source.institutionName} (API partenaire, clé ${state.source.keyId})` : 'Formulaire du site public'],
    ['Sujet choisi par l\'équipe', state.subjectChoice && `${formatDateTime(state.subjectChoice.at)} par ${state.subjectChoice.operator}`],
    ['Transmission aux conseillers', t.dispatchedAt && formatDateTime(t.dispatchedAt)],
    // An advisor who left: its place given to a colleague (POST /api/admin/advisors/{id}/reassign), one line each.
    ...(state.reassignments ?? []).map((r) => ['Réattribué au départ d\'un conseiller',
      `${formatDateTime(r.at)} : de ${r.fromAdvisorName} (${r.fromInstitutionName}) à ${r.toAdvisorName} (${r.toInstitutionName}), par ${r.operator}`]),
    ['Relance des conseillers', t.reminderSentAt && formatDateTime(t.reminderSentAt)],
    ['Suivi envoyé à l\'entreprise (J+9)', t.followUpSentAt && formatDateTime(t.followUpSentAt)],
    ['Dernière relance (J+21)', t.lastChanceSentAt && formatDateTime(t.lastChanceSentAt)],
    ['Réponse de repli envoyée (refusé par tous les conseillers)', t.refusedFallbackSentAt && formatDateTime(t.refusedFallbackSentAt)],
    ['Abandon', t.abandonedAt && formatDateTime(t.abandonedAt)],
    ['Enquête de satisfaction envoyée', t.satisfactionSentAt && formatDateTime(t.satisfactionSentAt)],
    ['Données anonymisées', state.anonymization && (state.anonymization.reason === 'request'
      ? `anonymisé le ${formatDateTime(state.anonymization.at)}, à la demande de l'entreprise (effacement par ${state.anonymization.operator})`
      : `anonymisé le ${formatDateTime(state.anonymization.at)}, au terme de la durée de conservation`)],
  ]);

  const satisfaction = state.satisfaction;
  byId('satisfaction').replaceChildren(satisfaction
    ? el('dl', { className: 'ce-facts' },
      el('dt', { text: 'L\'accompagnement l\'a-t-il aidée ?' }), el('dd', { text: HELPED[satisfaction.helped] ?? satisfaction.helped }),
      satisfaction.comment ? el('dt', { text: 'Commentaire' }) : null,
      satisfaction.comment ? el('dd', { className: 'ce-text', text: satisfaction.comment }) : null,
      el('dt', { text: 'Date' }), el('dd', { text: formatDateTime(satisfaction.at) }))
    : el('p', { text: 'L\'entreprise n\'a pas donné son avis.' }));

  renderModeration();
  renderMatches();
  renderComments();
  renderCancellation();
  renderAddAdvisor();
  renderSubjectChoice();
}

function renderMatches() {
  const matches = need.matches ?? [];
  byId('no-match').hidden = matches.length > 0;
  byId('matches').hidden = matches.length === 0;
  byId('matches').replaceChildren(...matches.map((m) => el('li', {
    className: 'ce-match fr-mb-2w', attrs: { 'data-testid': 'match', 'data-advisor-id': m.advisorId, 'data-status': m.status, id: `match-${m.advisorId}` },
  },
  el('p', { className: 'fr-mb-1v' },
    el('strong', { text: m.advisorName }), ` – ${m.institutionName}, ${m.antennaName} `,
    el('span', { className: `${badgeClass(matchStatuses, m.status)} fr-badge--sm`, text: statusLabel(matchStatuses, m.status) })),
  el('p', { className: 'fr-text--sm fr-mb-0 ce-muted', text: [
    `Transmis le ${formatDateTime(m.sentAt)}`,
    m.takenOnAt ? `pris en charge le ${formatDateTime(m.takenOnAt)}` : '',
    m.closedAt ? `clos le ${formatDateTime(m.closedAt)}` : '',
    `dernière position le ${formatDateTime(m.updatedAt)}`,
  ].filter(Boolean).join(' · ') }),
  m.positionComment ? el('p', { className: 'fr-text--sm fr-mb-0 ce-text', text: `Commentaire : ${m.positionComment}` }) : null)));
}

function renderComments() {
  const comments = need.comments ?? [];
  byId('no-comment').hidden = comments.length > 0;
  byId('comments').hidden = comments.length === 0;
  byId('comments').replaceChildren(...comments.map((c) => el('li', { className: 'ce-comment', id: `comment-${c.id}`, attrs: { 'data-testid': 'comment' } },
    el('p', { className: 'fr-text--sm fr-mb-1v' },
      el('strong', { text: c.authorName }),
      c.institution ? ` – ${c.institution}` : '',
      ` · ${formatDateTime(c.at)}`),
    el('p', { className: 'ce-text fr-mb-0', text: c.text, attrs: { 'data-testid': 'comment-body' } }))));
  byId('comment-form').hidden = Boolean(need.cancellation);
}

// ---------- moderation (a doubtful submission held for a check) ----------
// While held: why, and the two decisions. "Valider et transmettre" → POST …/approve (the routing sends it to the
// advisors at once); "Rejeter…" opens a mandatory reason → POST …/reject (the company gets a short email, no advisor
// ever hears of it). Once decided, the decision stays in the chronology.

function renderModeration() {
  const box = byId('moderation');
  if (!isHeld(need)) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  const reasons = need.moderation.reasons ?? [];
  const approve = el('button', { className: 'fr-btn', text: 'Valider et transmettre aux conseillers', attrs: { type: 'button', 'data-testid': 'approve' } });
  const open = el('button', {
    className: 'fr-btn fr-btn--secondary', text: 'Rejeter…',
    attrs: { type: 'button', 'data-testid': 'reject-open', 'aria-expanded': 'false', 'aria-controls': 'reject-panel' },
  });
  const panel = el('form', { id: 'reject-panel', className: 'fr-mt-2w', attrs: { 'data-testid': 'reject-panel', novalidate: true, hidden: true } },
    el('p', { text: need.moderation.reasons?.includes('honeypot')
      ? 'Le besoin sera clos sans être transmis. Aucun email ne sera envoyé (l\'adresse est peut-être celle d\'un tiers).'
      : 'Le besoin sera clos sans être transmis. L\'entreprise recevra un court message poli, sans votre raison.' }),
    el('div', { className: 'fr-input-group', attrs: { 'data-field-group': 'reject-reason' } },
      el('label', { className: 'fr-label', attrs: { for: 'reject-reason' } }, 'Raison du rejet (obligatoire, pour l\'équipe)',
        el('span', { className: 'fr-hint-text', text: 'Par exemple : doublon de la demande précédente, démarchage commercial.' })),
      el('textarea', { className: 'fr-input', id: 'reject-reason', attrs: { rows: '3', maxlength: '1000', required: true, 'aria-describedby': 'reject-reason-messages', 'data-testid': 'reject-reason' } }),
      el('div', { className: 'fr-messages-group', id: 'reject-reason-messages', attrs: { 'aria-live': 'polite' } })),
    el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' },
      el('li', {}, el('button', { className: 'fr-btn', text: 'Confirmer le rejet', attrs: { type: 'submit', 'data-testid': 'reject-confirm' } })),
      el('li', {}, el('button', { className: 'fr-btn fr-btn--tertiary', text: 'Ne pas rejeter', attrs: { type: 'button', 'data-testid': 'reject-dismiss' } }))));
  approve.addEventListener('click', async () => {
    const result = await post('approve', undefined, {});
    if (!result) return;
    render();
    const count = (need.matches ?? []).length;
    const message = count === 0
      ? 'Besoin validé, mais aucun conseiller n\'est compétent pour ce sujet et cette commune : il attend dans « Sans conseiller ».'
      : `Besoin validé et transmis à ${count === 1 ? '1 conseiller, prévenu' : `${count} conseillers, prévenus`} par email.`;
    alertIn(byId('need-alert'), count === 0 ? 'warning' : 'success', null, message, 'need-success');
    announce(message);
  });
  open.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    open.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) byId('reject-reason').focus();
  });
  panel.querySelector('[data-testid="reject-dismiss"]').addEventListener('click', () => {
    panel.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  });
  panel.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = byId('reject-reason').value.trim();
    clearFieldError('reject-reason');
    if (!reason) {
      setFieldError('reject-reason', 'Indiquez la raison du rejet');
      byId('reject-reason').focus();
      return;
    }
    const result = await post('reject', { reason }, { reason: 'reject-reason' });
    if (!result) return;
    render();
    alertIn(byId('need-alert'), 'success', null, 'Le besoin est rejeté : il ne sera transmis à aucun conseiller.', 'need-success');
    announce('Le besoin est rejeté.');
  });
  box.replaceChildren(
    el('div', { className: 'fr-alert fr-alert--warning fr-alert--sm fr-mb-2w' },
      el('h3', { className: 'fr-alert__title', text: 'À vérifier avant transmission' }),
      el('p', { text: 'Ce besoin n\'a été transmis à aucun conseiller. Motifs de la mise en attente :' }),
      el('ul', { attrs: { 'data-testid': 'hold-reasons' } }, reasons.map((r) => el('li', { text: holdReasons[r] ?? r, attrs: { 'data-reason': r } })))),
    el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' }, el('li', {}, approve), el('li', {}, open)),
    panel);
}

// ---------- cancellation ----------

function renderCancellation() {
  const box = byId('cancellation');
  if (need.cancellation) {
    const c = need.cancellation;
    const rejected = Boolean(need.moderation?.rejectedAt);
    box.replaceChildren(el('dl', { className: 'ce-facts', attrs: { 'data-testid': 'cancelled' } },
      el('dt', { text: rejected ? 'Rejeté après vérification le' : 'Annulé le' }), el('dd', { text: formatDateTime(c.at) }),
      el('dt', { text: 'Par' }), el('dd', { text: c.operator }),
      el('dt', { text: 'Raison' }), el('dd', { className: 'ce-text', text: c.reason, attrs: { 'data-testid': 'cancel-reason-shown' } })));
    return;
  }
  if (need.anonymization) {
    // Anonymised: the need accepts no more action (the timeline says when and why).
    box.replaceChildren(el('p', { text: 'Données anonymisées : ce besoin n\'accepte plus aucune action.', attrs: { 'data-testid': 'need-anonymized' } }));
    return;
  }
  const open = el('button', {
    className: 'fr-btn fr-btn--tertiary', text: 'Annuler le besoin…',
    attrs: { type: 'button', 'data-testid': 'cancel-open', 'aria-expanded': 'false', 'aria-controls': 'cancel-panel' },
  });
  const panel = el('form', { id: 'cancel-panel', attrs: { 'data-testid': 'cancel-panel', novalidate: true, hidden: true } },
    el('p', { text: 'Le besoin n\'acceptera plus aucune action, ni des conseillers ni de l\'équipe. Cette annulation est définitive.' }),
    el('div', { className: 'fr-input-group', attrs: { 'data-field-group': 'cancel-reason' } },
      el('label', { className: 'fr-label', attrs: { for: 'cancel-reason' } }, 'Raison de l\'annulation (obligatoire)',
        el('span', { className: 'fr-hint-text', text: 'Par exemple : demande en double, demande qui n\'est pas sérieuse.' })),
      el('textarea', { className: 'fr-input', id: 'cancel-reason', attrs: { rows: '3', maxlength: '1000', required: true, 'aria-describedby': 'cancel-reason-messages', 'data-testid': 'cancel-reason' } }),
      el('div', { className: 'fr-messages-group', id: 'cancel-reason-messages', attrs: { 'aria-live': 'polite' } })),
    el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' },
      el('li', {}, el('button', { className: 'fr-btn', text: 'Confirmer l\'annulation', attrs: { type: 'submit', 'data-testid': 'cancel-confirm' } })),
      el('li', {}, el('button', { className: 'fr-btn fr-btn--tertiary', text: 'Ne pas annuler', attrs: { type: 'button', 'data-testid': 'cancel-dismiss' } }))));
  open.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    open.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) byId('cancel-reason').focus();
  });
  panel.querySelector('[data-testid="cancel-dismiss"]').addEventListener('click', () => {
    panel.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  });
  panel.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = byId('cancel-reason').value.trim();
    clearFieldError('cancel-reason');
    if (!reason) {
      setFieldError('cancel-reason', 'Indiquez la raison de l\'annulation');
      byId('cancel-reason').focus();
      return;
    }
    const result = await post('cancel', { reason }, { reason: 'cancel-reason' });
    if (!result) return;
    render();
    alertIn(byId('need-alert'), 'success', null, 'Le besoin est annulé.', 'need-success');
    announce('Le besoin est annulé.');
  });
  box.replaceChildren(el('p', { text: 'Pour une demande en double, douteuse ou hors du service.' }), open, panel);
}

// ---------- adding an advisor ----------
// A search over the whole directory (GET /api/admin/needs/{id}/advisor-candidates?q=), the plausible first: kept by the
// routing for this need, then covering the company's département. Choosing one opens a confirmation (who, institution,
// antenna, territory, a warning when it works elsewhere); only "Confirmer l'ajout" posts.

let searchTicket = 0;
let searchTimer = 0;
let lastSearch = null; // the answer shown, to find the chosen candidate

const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

function renderAddAdvisor() {
  const box = byId('add-advisor');
  if (need.cancellation || isHeld(need)) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  const form = el('form', { id: 'add-advisor-form', attrs: { novalidate: true, role: 'search', 'aria-labelledby': 'add-advisor-title', 'data-testid': 'add-advisor-form' } },
    el('h3', { className: 'fr-h6', id: 'add-advisor-title', text: 'Ajouter un conseiller' }),
    el('div', { className: 'fr-input-group', attrs: { 'data-field-group': 'advisor-search' } },
      el('label', { className: 'fr-label', attrs: { for: 'advisor-search' } }, 'Rechercher un conseiller',
        el('span', { className: 'fr-hint-text', text: 'Nom, institution, antenne, territoire (nom ou numéro du département) ou identifiant. Les conseillers retenus par le routage et ceux du département de l\'entreprise sont proposés en premier.' })),
      el('div', { className: 'ce-search-row' },
        el('input', { className: 'fr-input', id: 'advisor-search', attrs: { type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: '200', 'aria-describedby': 'advisor-search-status advisor-search-messages', 'aria-controls': 'advisor-candidates', 'data-testid': 'advisor-search' } }),
        el('button', { className: 'fr-btn fr-btn--secondary', text: 'Rechercher', attrs: { type: 'submit', 'data-testid': 'advisor-search-submit' } })),
      el('p', { className: 'fr-hint-text fr-mt-1w', id: 'advisor-search-status', attrs: { 'aria-live': 'polite', 'data-testid': 'advisor-search-status' }, text: 'Recherche des conseillers proposés…' }),
      el('div', { className: 'fr-messages-group', id: 'advisor-search-messages', attrs: { 'aria-live': 'polite' } })));
  const results = el('ul', { className: 'ce-plain-list', id: 'advisor-candidates', attrs: { 'data-testid': 'advisor-candidates' } });
  const confirm = el('div', { id: 'advisor-confirm', className: 'ce-panel fr-mt-2w', attrs: { 'data-testid': 'advisor-confirm', tabindex: '-1', hidden: true, 'aria-labelledby': 'advisor-confirm-title', role: 'region' } });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    searchAdvisors(byId('advisor-search').value.trim());
  });
  form.querySelector('#advisor-search').addEventListener('input', (event) => {
    clearTimeout(searchTimer);
    const q = event.target.value.trim();
    searchTimer = setTimeout(() => searchAdvisors(q), 300);
  });
  box.replaceChildren(form, results, confirm);
  searchAdvisors('');
}

function candidateBadges(c) {
  if (c.keptByRouting) return el('span', { className: 'fr-badge fr-badge--success fr-badge--sm', text: 'Retenu par le routage' });
  if (c.coversDepartement) return el('span', { className: 'fr-badge fr-badge--info fr-badge--sm', text: 'Couvre le département' });
  return el('span', { className: 'fr-badge fr-badge--warning fr-badge--sm', text: 'Hors du département' });
}

async function searchAdvisors(q) {
  const id = need.needId;
  const ticket = ++searchTicket;
  clearFieldError('advisor-search');
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  const result = await api(`/api/admin/needs/${encodeURIComponent(id)}/advisor-candidates?${query}`, { token: operatorSession.token });
  if (ticket !== searchTicket || need?.needId !== id) return; // a later search, or another need, took over
  if (authFailure(result)) return;
  const list = byId('advisor-candidates');
  const status = byId('advisor-search-status');
  if (!list || !status) return;
  if (result.status === 400 && result.data?.errors) {
    showFieldErrors(result.data, { q: 'advisor-search' });
    status.textContent = '';
    return;
  }
  if (result.status !== 200 || !result.data) {
    list.replaceChildren();
    status.textContent = problemText(result, 'La recherche des conseillers ne répond pas pour le moment. Réessayez.');
    return;
  }
  lastSearch = result.data;
  const { total, candidates = [], departementName, departementCode } = result.data;
  const where = departementCode ? `${departementName ?? 'département'} (${departementCode})` : null;
  if (candidates.length === 0) {
    status.textContent = q
      ? `Aucun conseiller actif ne correspond à « ${q} ».`
      : `Aucun conseiller n'est retenu par le routage${where ? ` ni ne couvre le département ${where}` : ''} : recherchez-en un par son nom, son institution ou son territoire.`;
  } else if (q) {
    status.textContent = `${plural(total, 'conseiller trouvé', 'conseillers trouvés')}${total > candidates.length ? `, les ${candidates.length} plus proches du besoin affichés : précisez la recherche` : ''}.`;
  } else {
    status.textContent = `${plural(total, 'conseiller proposé', 'conseillers proposés')} : retenus par le routage${where ? ` ou couvrant le département ${where}` : ''}${total > candidates.length ? ` (les ${candidates.length} premiers affichés)` : ''}.`;
  }
  list.replaceChildren(...candidates.map((c) => el('li', {
    className: 'ce-candidate fr-mb-2w',
    attrs: { 'data-testid': 'advisor-candidate', 'data-advisor-id': c.advisorId, 'data-kept': String(c.keptByRouting), 'data-covers-departement': String(c.coversDepartement) },
  },
  el('p', { className: 'fr-mb-1v' }, el('strong', { text: c.advisorName }), ` – ${c.institution}, ${c.antenna} `, candidateBadges(c)),
  el('p', { className: 'fr-text--sm fr-mb-1v ce-muted', text: `Territoire : ${c.territory}${c.competent ? '' : ' · pas compétent sur ce sujet d\'après l\'annuaire'}` }),
  el('button', {
    className: 'fr-btn fr-btn--sm fr-btn--tertiary', text: 'Choisir',
    attrs: { type: 'button', 'data-testid': 'advisor-choose', 'aria-label': `Choisir ${c.advisorName} (${c.institution}, ${c.antenna})` },
  }))));
  list.querySelectorAll('[data-testid="advisor-choose"]').forEach((button, i) => button.addEventListener('click', () => askConfirmation(candidates[i], button)));
}

function askConfirmation(candidate, opener) {
  const panel = byId('advisor-confirm');
  const where = lastSearch?.departementCode ? `${lastSearch.departementName ?? ''} (${lastSearch.departementCode})`.trim() : null;
  const warning = !candidate.keptByRouting && !candidate.coversDepartement
    ? el('div', { className: 'fr-alert fr-alert--warning fr-alert--sm fr-mb-2w', attrs: { 'data-testid': 'advisor-confirm-warning' } },
      el('p', { text: where
        ? `Ce conseiller ne couvre pas le département de l'entreprise, ${where}. Vérifiez que c'est bien lui.`
        : 'La commune de l\'entreprise est inconnue : vérifiez que ce conseiller est le bon.' }))
    : null;
  panel.replaceChildren(
    el('h4', { className: 'fr-h6', id: 'advisor-confirm-title', text: `Ajouter ${candidate.advisorName} au besoin ?` }),
    el('dl', { className: 'ce-facts', attrs: { 'data-testid': 'advisor-confirm-facts' } },
      el('dt', { text: 'Conseiller' }), el('dd', { text: `${candidate.advisorName} (identifiant ${candidate.advisorId})` }),
      el('dt', { text: 'Institution' }), el('dd', { text: candidate.institution }),
      el('dt', { text: 'Antenne' }), el('dd', { text: candidate.antenna }),
      el('dt', { text: 'Territoire' }), el('dd', { text: candidate.territory })),
    warning,
    el('p', { text: 'Il reçoit le besoin par email dès la confirmation.' }),
    el('div', { className: 'fr-messages-group', id: 'advisor-confirm-messages', attrs: { 'aria-live': 'polite' } }),
    el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' },
      el('li', {}, el('button', { className: 'fr-btn', text: 'Confirmer l\'ajout', attrs: { type: 'button', 'data-testid': 'add-advisor-confirm' } })),
      el('li', {}, el('button', { className: 'fr-btn fr-btn--tertiary', text: 'Choisir un autre conseiller', attrs: { type: 'button', 'data-testid': 'add-advisor-back' } }))));
  panel.hidden = false;
  panel.querySelector('[data-testid="add-advisor-back"]').addEventListener('click', () => {
    panel.hidden = true;
    panel.replaceChildren();
    (opener?.isConnected ? opener : byId('advisor-search')).focus();
  });
  panel.querySelector('[data-testid="add-advisor-confirm"]').addEventListener('click', async () => {
    const result = await post('advisors', { advisorId: candidate.advisorId }, { advisorId: 'advisor-search' });
    if (!result) return;
    render();
    const added = need.matches?.find((m) => m.advisorId === candidate.advisorId);
    const message = added ? `${added.advisorName} (${added.institutionName}) a été ajouté au besoin et prévenu par email.` : 'Le conseiller a été ajouté.';
    alertIn(byId('need-alert'), 'success', null, message, 'need-success');
    announce(message);
  });
  focusOn(byId('advisor-confirm-title'));
}

// ---------- comments ----------

byId('comment-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = byId('comment-text').value.trim();
  clearFieldError('comment-text');
  if (!text) {
    setFieldError('comment-text', 'Écrivez un message avant de le publier');
    byId('comment-text').focus();
    return;
  }
  const result = await post('comments', { text }, { text: 'comment-text' });
  if (!result) return;
  byId('comment-text').value = '';
  render();
  byId('need-alert').hidden = true;
  const comments = byId('comments');
  focusOn(comments.lastElementChild);
  announce('Votre message a été publié.');
});

// ---------- calls ----------

/** POSTs an action; true once the view holds the new state. fields maps the API's error keys to the page's fields. */
async function post(action, body, fields) {
  if (busy) return false;
  busy = true;
  byId('need-alert').hidden = true;
  const result = await api(`/api/admin/needs/${encodeURIComponent(need.needId)}/${action}`, { method: 'POST', body, token: operatorSession.token });
  busy = false;
  if (authFailure(result)) return false;
  if (result.status === 200 && result.data) {
    need = result.data;
    return true;
  }
  if (result.status === 400 && result.data?.errors) {
    const { first } = showFieldErrors(result.data, fields);
    if (first) {
      controlOf(first)?.focus();
      return false;
    }
  }
  alertIn(byId('need-alert'), 'error', result.status === 409 ? 'Action impossible' : null,
    problemText(result, 'L\'action n\'a pas pu être enregistrée. Réessayez dans quelques instants.'), 'need-error');
  if (result.status === 409) {
    // Show the need as it now is, without moving focus from the explanation.
    const fresh = await api(`/api/admin/needs/${encodeURIComponent(need.needId)}`, { token: operatorSession.token });
    if (fresh.status === 200 && fresh.data) {
      need = fresh.data;
      const alert = byId('need-alert');
      render();
      alert.hidden = false;
    }
  }
  return false;
}

/** Loads and shows the need; focus goes to its title. */
export async function showNeed(needId, { onAuthFailure }) {
  authFailure = onAuthFailure;
  need = null;
  byId('need-alert').hidden = true;
  byId('need-sheet').hidden = true;
  byId('need-problem').hidden = true;
  byId('need-title').textContent = 'Besoin';
  byId('need-loading').hidden = false;
  const result = await api(`/api/admin/needs/${encodeURIComponent(needId)}`, { token: operatorSession.token });
  if (authFailure(result)) return;
  if (result.status === 404) {
    showProblem('Besoin introuvable', `Aucun besoin n'a l'identifiant « ${needId} ». Vérifiez-le, puis réessayez.`);
    return;
  }
  if (result.status !== 200 || !result.data) {
    showProblem('Besoin indisponible', problemText(result, 'Ce besoin ne peut pas être affiché pour le moment.'));
    return;
  }
  need = result.data;
  render();
  focusOn(byId('need-title'));
}

// ---------- choosing the subject (a need outside the catalogue, or one sent to nobody) ----------

/**
 * While no advisor has the need, the team may choose its subject: the need then goes to the advisors the routing
 * finds for that subject and the need's commune (POST …/subject), as a submission would have sent it.
 */
async function renderSubjectChoice() {
  const box = byId('subject-choice');
  const open = !need.cancellation && !isHeld(need) && (need.matches ?? []).length === 0;
  box.hidden = !open;
  if (!open) {
    box.replaceChildren();
    return;
  }
  const id = need.needId;
  const select = el('select', { className: 'fr-select', id: 'subject-id', attrs: { 'aria-describedby': 'subject-id-messages', 'data-testid': 'subject-id' } },
    el('option', { text: 'Chargement du catalogue…', attrs: { value: '' } }));
  const form = el('form', { id: 'subject-form', attrs: { novalidate: true, 'data-testid': 'subject-form' } },
    el('h3', { className: 'fr-h6', text: need.subjectId ? 'Transmettre sur un autre sujet' : 'Choisir le sujet de ce besoin' }),
    el('p', { className: 'fr-text--sm', text: need.subjectId
      ? 'Aucun conseiller n\'a été trouvé sur ce sujet. Choisissez-en un autre : le besoin ira aux conseillers compétents sur ce sujet pour sa commune.'
      : 'L\'entreprise n\'a pas trouvé son besoin dans la liste. Choisissez le sujet qui lui correspond : le besoin ira aux conseillers compétents sur ce sujet pour sa commune.' }),
    el('div', { className: 'fr-select-group', attrs: { 'data-field-group': 'subject-id' } },
      el('label', { className: 'fr-label', attrs: { for: 'subject-id' } }, 'Sujet du catalogue'),
      select,
      el('div', { className: 'fr-messages-group', id: 'subject-id-messages', attrs: { 'aria-live': 'polite' } })),
    el('button', { className: 'fr-btn', text: 'Transmettre sur ce sujet', attrs: { type: 'submit', 'data-testid': 'subject-submit' } }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldError('subject-id');
    const subjectId = select.value;
    if (!subjectId) {
      setFieldError('subject-id', 'Choisissez un sujet');
      select.focus();
      return;
    }
    const result = await post('subject', { subjectId }, { subjectId: 'subject-id' });
    if (!result) return;
    render();
    const count = (need.matches ?? []).length;
    const message = count === 0
      ? `Sujet « ${need.subjectLabel} » enregistré, mais aucun conseiller n'est compétent sur ce sujet pour cette commune : ajoutez-en un.`
      : `Besoin transmis sur le sujet « ${need.subjectLabel} » à ${count === 1 ? '1 conseiller, prévenu' : `${count} conseillers, prévenus`} par email.`;
    alertIn(byId('need-alert'), count === 0 ? 'warning' : 'success', null, message, 'need-success');
    announce(message);
  });
  box.replaceChildren(form);

  const catalog = await loadCatalog();
  if (need?.needId !== id || !select.isConnected) return;
  if (!catalog) {
    select.replaceChildren(el('option', { text: 'Catalogue indisponible : rechargez la page', attrs: { value: '' } }));
    return;
  }
  select.replaceChildren(...subjectOptions(catalog, { except: need.subjectId }));
}
