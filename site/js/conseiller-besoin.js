// Advisor need sheet, opened from the signed link of an email: /conseiller/besoin.html#besoin=…&jeton=…
// GET shows; every change is a POST (position, comment) and the page updates without a reload.
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce, formatDateTime } from './dom.js';
import { takeFragment, advisorSession, goToFreshLinkPage } from './links.js';
import { matchStatuses, statusLabel, badgeClass } from './labels.js';
import { setFieldError, clearFieldError } from './forms.js';
import { formatSiret } from './french.js';

const fragment = takeFragment();
if (fragment.jeton) advisorSession.token = fragment.jeton;
const needId = fragment.besoin || advisorSession.needId;
if (fragment.besoin) advisorSession.needId = fragment.besoin;

const REASONS = [
  'Ce sujet ne relève pas de mes compétences',
  'L\'entreprise est hors de mon territoire',
  'L\'entreprise ne correspond pas aux critères de mon organisme (taille, secteur, ancienneté…)',
  'Un autre conseiller sollicité est mieux placé',
  'La demande est en double ou n\'est pas sérieuse',
  'Autre raison',
];
const OTHER_REASON = REASONS[REASONS.length - 1];

// The buttons for each status an advisor may move to (allowedStatuses), depending on where it stands.
function actionFor(target, current) {
  switch (target) {
    case 'taking_care':
      return current === 'quo'
        ? { label: 'Je prends en charge', testId: 'take-on', primary: true }
        : { label: 'Rouvrir le besoin', testId: 'position-taking_care' };
    case 'not_for_me':
      return { label: 'Pas pour moi', testId: 'not-for-me', opensPanel: true };
    case 'done':
      return { label: 'Clôturer : aide proposée', testId: 'position-done', primary: true, closing: true };
    case 'done_no_help':
      return { label: 'Clôturer : pas d\'aide possible', testId: 'position-done_no_help', closing: true };
    case 'done_not_reachable':
      return { label: 'Clôturer : entreprise injoignable', testId: 'position-done_not_reachable', closing: true };
    case 'quo':
      return { label: current === 'not_for_me' ? 'Annuler mon refus' : 'Annuler ma prise en charge', testId: 'position-quo', tertiary: true };
    default:
      return null;
  }
}

// Why a closed need takes no more position, by need status (the sheet's `status`).
const CLOSED = {
  cancelled: 'Aucune action n\'est possible : ce besoin a été annulé par l\'équipe Conseillers-Entreprises.',
  abandoned: 'Aucune action n\'est possible : ce besoin a été abandonné, personne ne l\'a pris en charge dans les délais.',
};

// What the comment given with a position is, by that position (shown to the other advisors under each match).
function positionCommentLabel(status) {
  if (status === 'not_for_me') return 'Raison du refus';
  if (status === 'done' || status === 'done_no_help' || status === 'done_not_reachable') return 'Commentaire de clôture';
  return 'Commentaire';
}

let sheet = null;
let busy = false;

function token() {
  return advisorSession.token;
}

function handleAuthFailure(result) {
  if (result.status === 401) {
    goToFreshLinkPage(/expir/i.test(result.data?.detail ?? '') ? 'expire' : 'invalide');
    return true;
  }
  return false;
}

function problem(title, message) {
  byId('loading').hidden = true;
  byId('sheet').hidden = true;
  byId('sheet-title').textContent = title;
  document.title = `${title} – Espace conseiller – Conseillers-Entreprises`;
  byId('problem').replaceChildren(el('div', { className: 'fr-alert fr-alert--error', attrs: { 'data-testid': 'sheet-problem' } },
    el('p', { text: message })));
  byId('problem').hidden = false;
}

// ---------- rendering ----------

function facts(list, entries) {
  list.replaceChildren(...entries.filter(([, value]) => value).flatMap(([term, value]) => [
    el('dt', { text: term }),
    el('dd', {}, value),
  ]));
}

function safeTel(phone) {
  return `tel:${String(phone).replace(/[^\d+]/g, '')}`;
}

/** A cancelled need says so, with the operator's reason, where the actions would be. */
function renderCancellation() {
  const box = byId('sheet-cancelled');
  const cancellation = sheet.cancellation;
  const anonymizedAt = sheet.anonymizedAt;
  box.hidden = !cancellation && !anonymizedAt;
  box.replaceChildren(
    cancellation ? el('div', { className: 'fr-alert fr-alert--warning fr-alert--sm fr-mb-2w', attrs: { 'data-testid': 'sheet-cancelled' } },
      el('h3', { className: 'fr-alert__title', text: `Besoin annulé par l'équipe Conseillers-Entreprises le ${formatDateTime(cancellation.at)}` }),
      el('p', {}, 'Motif : ', el('span', { className: 'ce-text', text: cancellation.reason, attrs: { 'data-testid': 'sheet-cancellation-reason' } }))) : null,
    // Personal data is not kept forever (or was erased on request): the texts read "Données anonymisées".
    anonymizedAt ? el('div', { className: 'fr-alert fr-alert--info fr-alert--sm fr-mb-2w', attrs: { 'data-testid': 'sheet-anonymized' } },
      el('h3', { className: 'fr-alert__title', text: `Données anonymisées le ${formatDateTime(anonymizedAt)}` }),
      el('p', { text: 'Les coordonnées du contact, la description et les commentaires de ce besoin ont été effacés ; il est clos.' })) : null);
}

/** The company's facts; those the registry could not confirm at submission (lookup down) say so. */
function companyFacts(company) {
  const unverified = company.verified === false;
  const mark = (value) => (value && unverified
    ? el('span', {}, value, ' ', el('span', { className: 'fr-badge fr-badge--sm fr-badge--warning', text: 'non vérifié', attrs: { 'data-testid': 'company-unverified' } }))
    : value);
  return [
    // A blank name is not "non diffusé": that would claim the registry hides it, which nothing here knows.
    ['Nom', company.name ? mark(company.name) : 'Non renseigné'],
    ['SIRET', company.registered === false
      ? 'Pas encore immatriculée (création ou reprise)'
      : company.siret ? el('span', { text: formatSiret(company.siret), attrs: { 'data-testid': 'company-siret' } }) : null],
    ['Commune', mark([company.communeName, company.communeCode ? `(${company.communeCode})` : null].filter(Boolean).join(' '))],
    ['Code NAF', company.nafCode],
    ['Vérification', unverified ? 'Le registre des entreprises ne répondait pas au dépôt : ces informations sont celles saisies par l\'entreprise.' : null],
  ];
}

function renderActions() {
  const actions = byId('actions');
  const allowed = sheet.allowedStatuses ?? [];
  byId('not-for-me-panel').hidden = true;
  if (allowed.length === 0) {
    actions.replaceChildren(el('p', { text: CLOSED[sheet.status] ?? 'Aucune action n\'est possible : ce besoin est clos.' }));
    return;
  }
  const buttons = allowed.map((status) => ({ status, ...actionFor(status, sheet.myStatus) })).filter((a) => a.label);
  const closing = buttons.filter((b) => b.closing);
  const others = buttons.filter((b) => !b.closing);

  const makeButton = (action) => {
    const button = el('button', {
      className: `fr-btn${action.primary ? '' : action.tertiary ? ' fr-btn--tertiary' : ' fr-btn--secondary'}`,
      text: action.label,
      attrs: { type: 'button', 'data-testid': action.testId, 'data-status': action.status },
    });
    if (action.opensPanel) {
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', 'not-for-me-panel');
      button.addEventListener('click', () => toggleNotForMe(button));
    } else {
      button.addEventListener('click', () => changePosition(action.status, action.closing ? byId('closing-comment')?.value : undefined));
    }
    return el('li', {}, button);
  };

  const parts = [];
  if (closing.length) {
    parts.push(el('div', { className: 'fr-input-group', attrs: { 'data-field-group': 'closing-comment' } },
      el('label', { className: 'fr-label', text: 'Commentaire de clôture pour les autres conseillers (facultatif)', attrs: { for: 'closing-comment' } }),
      el('textarea', { className: 'fr-input', id: 'closing-comment', attrs: { rows: '3', maxlength: '4000', 'aria-describedby': 'closing-comment-messages' } }),
      el('div', { className: 'fr-messages-group', id: 'closing-comment-messages', attrs: { 'aria-live': 'polite' } })));
    parts.push(el('ul', { className: 'fr-btns-group fr-btns-group--inline-md', attrs: { 'aria-label': 'Clôturer le besoin' } }, closing.map(makeButton)));
  }
  if (others.length) parts.push(el('ul', { className: 'fr-btns-group fr-btns-group--inline-md' }, others.map(makeButton)));
  actions.replaceChildren(...parts);
}

function renderReasons() {
  byId('not-for-me-reasons').replaceChildren(...REASONS.map((reason, i) =>
    el('div', { className: 'fr-fieldset__element' },
      el('div', { className: 'fr-radio-group' },
        el('input', { id: `reason-${i}`, attrs: { type: 'radio', name: 'not-for-me-reason', value: reason, 'data-testid': `reason-${i}` } }),
        el('label', { className: 'fr-label', text: reason, attrs: { for: `reason-${i}` } })))));
}

function render() {
  byId('loading').hidden = true;
  byId('problem').hidden = true;
  byId('sheet-title').textContent = sheet.subject;
  document.title = `${sheet.subject} – ${sheet.company?.name || 'Fiche besoin'} – Espace conseiller – Conseillers-Entreprises`;
  byId('sheet-meta').textContent = `Besoin reçu le ${formatDateTime(sheet.createdAt)}`;

  const status = byId('my-status');
  status.className = badgeClass(matchStatuses, sheet.myStatus);
  status.dataset.status = sheet.myStatus;
  status.textContent = statusLabel(matchStatuses, sheet.myStatus);
  renderCancellation();
  renderActions();

  byId('need-description').textContent = sheet.description;

  const company = sheet.company ?? {};
  facts(byId('company'), companyFacts(company));
  const contact = sheet.contact ?? {};
  facts(byId('contact'), [
    ['Nom', `${contact.firstName ?? ''} ${contact.lastName ?? ''}`.trim()],
    ['Email', contact.email ? el('a', { text: contact.email, attrs: { href: `mailto:${contact.email}`, 'data-testid': 'contact-email' } }) : null],
    ['Téléphone', contact.phone ? el('a', { text: contact.phone, attrs: { href: safeTel(contact.phone), 'data-testid': 'contact-phone' } }) : null],
  ]);

  byId('matches').replaceChildren(...(sheet.matches ?? []).map((m) =>
    el('li', { className: 'fr-mb-2w', attrs: { 'data-testid': 'match', 'data-advisor-id': m.advisorId, 'data-status': m.status } },
      el('strong', { text: m.advisorName }),
      m.isMe ? ' (vous)' : '',
      el('br'),
      el('span', { text: [m.institution, m.antenna].filter(Boolean).join(' – ') }),
      el('br'),
      el('span', { className: badgeClass(matchStatuses, m.status), text: statusLabel(matchStatuses, m.status) }),
      m.updatedAt ? el('span', { className: 'fr-text--xs ce-muted', text: ` le ${formatDateTime(m.updatedAt)}` }) : null,
      // The comment given with the position (why it was refused, how it was closed), for the other advisors.
      m.comment ? el('p', { className: 'fr-text--sm fr-mb-0 fr-mt-1v', attrs: { 'data-testid': 'match-comment' } },
        `${positionCommentLabel(m.status)} : `, el('span', { className: 'ce-text', text: m.comment })) : null)));

  const comments = sheet.comments ?? [];
  byId('no-comment').hidden = comments.length > 0;
  byId('comments').replaceChildren(...comments.map((c, i) =>
    el('li', { className: 'ce-comment', id: `comment-${i}`, attrs: { 'data-testid': 'comment' } },
      el('p', { className: 'fr-text--sm fr-mb-1v' },
        el('strong', { text: c.author }), c.institution ? ` (${c.institution})` : '', ` – ${formatDateTime(c.at)}`),
      el('p', { className: 'ce-text fr-mb-0', text: c.text }))));
  byId('sheet').hidden = false;
}

// ---------- actions ----------

function toggleNotForMe(button) {
  const panel = byId('not-for-me-panel');
  const open = panel.hidden;
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) {
    focusOn(byId('not-for-me-reason-legend'));
  }
}

function showActionError(message) {
  const box = byId('action-error');
  box.replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm fr-mb-2w', attrs: { 'data-testid': 'action-error' } },
    el('p', { text: message })));
  box.hidden = false;
  focusOn(box.firstElementChild);
}

async function changePosition(status, comment) {
  if (busy) return;
  busy = true;
  byId('action-error').hidden = true;
  const body = { status };
  if (comment && comment.trim()) body.comment = comment.trim();
  const result = await api(`/api/advisor/needs/${encodeURIComponent(needId)}/position`, { method: 'POST', body, token: token() });
  busy = false;
  if (handleAuthFailure(result)) return;
  if (result.status === 200 && result.data) {
    sheet = result.data;
    render();
    focusOn(byId('my-status-line'));
    announce(`Votre position est enregistrée : ${statusLabel(matchStatuses, sheet.myStatus)}.`);
    return;
  }
  if (result.status === 409) {
    // Someone (or another tab) changed things: show why, and the sheet as it is now.
    await reload();
    showActionError(problemText(result, 'Cette action n\'est plus possible.'));
    return;
  }
  if (result.status === 400 && result.data?.errors?.comment) {
    setFieldError(status === 'not_for_me' ? 'not-for-me-details' : 'closing-comment', result.data.errors.comment);
    showActionError(result.data.errors.comment[0]);
    return;
  }
  if (result.status === 404) return problem('Besoin introuvable', problemText(result));
  showActionError(problemText(result));
}

byId('not-for-me-confirm').addEventListener('click', () => {
  clearFieldError('not-for-me-reason');
  clearFieldError('not-for-me-details');
  const chosen = document.querySelector('input[name="not-for-me-reason"]:checked')?.value;
  const details = byId('not-for-me-details').value.trim();
  if (!chosen) {
    setFieldError('not-for-me-reason', 'Choisissez une raison');
    byId('reason-0').focus();
    return;
  }
  if (chosen === OTHER_REASON && !details) {
    setFieldError('not-for-me-details', 'Précisez la raison');
    byId('not-for-me-details').focus();
    return;
  }
  changePosition('not_for_me', details ? `${chosen} : ${details}` : chosen);
});

byId('not-for-me-cancel').addEventListener('click', () => {
  byId('not-for-me-panel').hidden = true;
  const opener = document.querySelector('[data-testid="not-for-me"]');
  opener?.setAttribute('aria-expanded', 'false');
  opener?.focus();
});

byId('comment-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (busy) return;
  clearFieldError('comment-text');
  const text = byId('comment-text').value.trim();
  if (!text) {
    setFieldError('comment-text', 'Écrivez un commentaire');
    byId('comment-text').focus();
    return;
  }
  busy = true;
  const button = byId('comment-submit');
  button.disabled = true;
  const result = await api(`/api/advisor/needs/${encodeURIComponent(needId)}/comments`, { method: 'POST', body: { text }, token: token() });
  busy = false;
  button.disabled = false;
  if (handleAuthFailure(result)) return;
  if ((result.status === 201 || result.status === 200) && result.data) {
    sheet = result.data;
    byId('comment-text').value = '';
    render();
    const items = byId('comments').children;
    focusOn(items[items.length - 1]);
    announce('Votre message est publié.');
    return;
  }
  if (result.status === 400 && result.data?.errors?.text) {
    setFieldError('comment-text', result.data.errors.text);
    byId('comment-text').focus();
    return;
  }
  setFieldError('comment-text', problemText(result, 'Votre message n\'a pas pu être publié. Réessayez.'));
  byId('comment-text').focus();
});

// ---------- loading ----------

async function reload() {
  const result = await api(`/api/advisor/needs/${encodeURIComponent(needId)}`, { token: token() });
  if (handleAuthFailure(result)) return false;
  if (result.status === 200 && result.data) {
    sheet = result.data;
    render();
    return true;
  }
  if (result.status === 404) problem('Besoin introuvable', problemText(result));
  else problem('Le besoin ne peut pas être affiché', problemText(result));
  return false;
}

if (!token()) {
  goToFreshLinkPage('absent');
} else if (!needId) {
  problem('Besoin introuvable', 'Ce lien est incomplet : ouvrez le besoin depuis l\'email reçu ou depuis vos besoins reçus.');
} else {
  renderReasons();
  reload();
}
