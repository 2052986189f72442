// Company follow-up, opened from the signed link of the confirmation email: suivi.html#besoin=…&jeton=…
// The token is kept in sessionStorage for this tab and removed from the address bar.
// Once an advisor has closed the need, the "Votre avis" section takes the company's satisfaction answer (the survey
// email ~10 days after the closing opens this page); a new answer replaces the last one.
import { api, problemText } from './api.js';
import { el, byId, focusOn, alertBox, formatDate, formatDateTime } from './dom.js';
import { showFieldErrors, clearAllErrors, controlOf } from './forms.js';
import { takeFragment, companySession } from './links.js';
import { companyStatuses, statusLabel, badgeClass } from './labels.js';
import { plural } from './french.js';

const fragment = takeFragment();
if (fragment.besoin) companySession.needId = fragment.besoin;
const needId = fragment.besoin || companySession.needId;
if (needId && fragment.jeton) companySession.setToken(needId, fragment.jeton);
const token = needId ? companySession.token(needId) : null;

function problem(title, message) {
  byId('loading').hidden = true;
  const box = byId('problem');
  box.replaceChildren(el('div', { className: 'fr-alert fr-alert--error', attrs: { 'data-testid': 'follow-up-problem' } },
    el('h2', { className: 'fr-alert__title', text: title }), el('p', { text: message })));
  box.hidden = false;
}

function paragraph(text) { return el('p', { text }); }

/** The heading of the last section: a question only while nobody has answered. */
function whatToDoTitle(view) {
  switch (view.status) {
    case 'quo':
    case 'unrouted':
      return 'Personne ne vous a répondu\u00a0?';
    case 'taking_care':
    case 'done_not_reachable':
      return 'Et maintenant\u00a0?';
    default:
      return 'Votre demande est close';
  }
}

function whatToDo(view) {
  const advisors = view.advisorCount ?? 0;
  const callers = (view.takenOnBy ?? []).filter((t) => !t.closedAt).length;
  switch (view.status) {
    case 'quo':
    case 'unrouted':
      return [
        paragraph(plural(advisors, 'Le conseiller a en général quelques jours pour vous appeler.', 'Les conseillers ont en général quelques jours pour vous appeler.')
          + ' L\'appel peut venir d\'un numéro que vous ne connaissez pas : pensez à décrocher et à écouter votre messagerie.'),
        paragraph(plural(advisors, 'Nous relançons le conseiller s\'il n\'a pas répondu', 'Nous relançons les conseillers qui n\'ont pas répondu')
          + ' et nous vous écrirons si votre demande n\'est pas prise en charge.'),
        paragraph('Sans nouvelles au bout de dix jours, répondez à l\'email de confirmation : notre équipe cherchera avec vous le bon interlocuteur.'),
      ];
    case 'taking_care':
      return [
        paragraph(plural(callers,
          'Un conseiller a pris votre demande en charge et va vous appeler. S\'il ne vous a pas joint d\'ici quelques jours, répondez à l\'email qui vous l\'a annoncé : notre équipe fera le lien.',
          'Des conseillers ont pris votre demande en charge et vont vous appeler. S\'ils ne vous ont pas joint d\'ici quelques jours, répondez à l\'email qui vous l\'a annoncé : notre équipe fera le lien.')),
      ];
    case 'done_not_reachable':
      return [
        paragraph('Le conseiller n\'a pas réussi à vous joindre. Si votre besoin est toujours d\'actualité, répondez à l\'email qui vous l\'a signalé en indiquant quand vous êtes joignable.'),
      ];
    default:
      return [
        paragraph('Votre demande est close. Si votre besoin n\'est pas résolu, répondez à l\'un de nos emails : notre équipe vous répondra.'),
        el('p', {}, 'Vous pouvez aussi consulter ', el('a', { text: 'entreprendre.service-public.fr', attrs: { href: 'https://entreprendre.service-public.fr', target: '_blank', rel: 'noopener', title: 'entreprendre.service-public.fr - nouvelle fenêtre' } }),
          ' ou ', el('a', { text: 'déposer une nouvelle demande', attrs: { href: '/' } }), '.'),
      ];
  }
}

const pageTitle = document.title;
/** The fields of the satisfaction form, in page order (the first one in error gets the focus). */
const SATISFACTION_FIELDS = { helped: 'helped', comment: 'comment' };
let current = null;
let sending = false;

/** The section is shown only when the need may be rated; a saved answer fills the form so that it can be changed. */
function renderSatisfaction(view) {
  byId('satisfaction').hidden = !view.canGiveSatisfaction;
  const saved = view.satisfaction ?? null;
  const line = byId('satisfaction-saved');
  line.textContent = saved
    ? `Votre avis du ${formatDate(saved.at)} a été enregistré\u00a0; vous pouvez le modifier.`
    : '';
  line.hidden = !saved;
  if (!saved) return;
  for (const radio of document.querySelectorAll('input[name="helped"]')) radio.checked = radio.value === saved.helped;
  byId('comment').value = saved.comment ?? '';
}

function showSatisfactionAlert(type, title, description, testId) {
  const box = byId('satisfaction-alert');
  const node = alertBox(type, title, description, { 'data-testid': testId, tabindex: '-1' });
  box.replaceChildren(node);
  box.hidden = false;
  focusOn(node);
}

function hideSatisfactionAlert() {
  const box = byId('satisfaction-alert');
  box.hidden = true;
  box.replaceChildren();
}

/** A 400 of the API: each message next to its field, focus on the first field in error; anything else in an alert. */
function showSatisfactionErrors(problemDocument) {
  const { first, others } = showFieldErrors(problemDocument, SATISFACTION_FIELDS);
  document.title = `Erreur – ${pageTitle}`;
  if (others.length || !first) {
    showSatisfactionAlert('error', 'Votre avis n\'a pas pu être enregistré', others.join(' ') || problemText({ status: 400, data: problemDocument }), 'satisfaction-problem');
  }
  if (first) {
    const control = controlOf(first);
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }
}

async function sendSatisfaction(event) {
  event.preventDefault();
  if (sending) return;
  const form = byId('satisfaction-form');
  clearAllErrors(form);
  hideSatisfactionAlert();
  document.title = pageTitle;
  byId('satisfaction-saved').hidden = !current?.satisfaction;

  // The API is the judge (its French messages come back next to the fields); nothing typed is touched on an error.
  const body = {};
  const helped = form.querySelector('input[name="helped"]:checked')?.value;
  if (helped) body.helped = helped;
  const comment = byId('comment').value.trim();
  if (comment) body.comment = comment;

  sending = true;
  const result = await api(`/api/company/needs/${encodeURIComponent(needId)}/satisfaction`, { method: 'POST', body, token });
  sending = false;
  if (result.status === 200 && result.data) {
    render(result.data);
    byId('satisfaction-saved').hidden = true; // the success message says it
    showSatisfactionAlert('success', 'Merci, votre avis a été enregistré.', 'Vous pouvez le modifier à tout moment depuis cette page.', 'satisfaction-success');
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    showSatisfactionErrors(result.data);
    return;
  }
  const titles = {
    401: 'Lien invalide ou expiré',
    404: 'Demande introuvable',
    409: 'Avis impossible pour le moment',
  };
  showSatisfactionAlert('error', titles[result.status] ?? 'Votre avis n\'a pas pu être enregistré', problemText(result), 'satisfaction-problem');
}

/** "Marie Martin (CCI), depuis le 1er décembre 2026 à 10:00", or, once it closed the need, when it did. */
function takenOnLine(t, status) {
  const who = `${t.advisorName} (${t.institution})`;
  if (status === 'cancelled') return `${who}${t.takenOnAt ? ` : prise en charge le ${formatDate(t.takenOnAt)}` : ''}`;
  if (t.closedAt) {
    return `${who} : prise en charge${t.takenOnAt ? ` le ${formatDate(t.takenOnAt)}` : ''}, accompagnement terminé le ${formatDate(t.closedAt)}`;
  }
  return `${who}${t.takenOnAt ? `, depuis le ${formatDateTime(t.takenOnAt)}` : ''}`;
}

function render(view) {
  current = view;
  byId('loading').hidden = true;
  byId('need-subject').textContent = `Sujet : ${view.subject}`;
  byId('need-created').textContent = `Demande déposée le ${formatDate(view.createdAt)}.`;
  const status = byId('need-status');
  status.className = badgeClass(companyStatuses, view.status);
  status.dataset.status = view.status;
  status.textContent = statusLabel(companyStatuses, view.status);

  const institutions = view.institutions ?? [];
  byId('institutions-intro').textContent = institutions.length
    ? `Votre demande a été transmise ${plural(view.advisorCount ?? institutions.length, 'au conseiller', 'aux conseillers')} de :`
    : 'Notre équipe recherche le conseiller le mieux placé pour vous répondre sur votre territoire.';
  byId('institutions').replaceChildren(...institutions.map((name) => el('li', { text: name })));
  byId('institutions').hidden = institutions.length === 0;

  const takenOn = view.takenOnBy ?? [];
  byId('taken-on').replaceChildren(takenOn.length
    ? el('ul', {}, takenOn.map((t) => el('li', { text: takenOnLine(t, view.status), attrs: { 'data-testid': 'taken-on-advisor' } })))
    : paragraph(view.status === 'cancelled' || view.status === 'abandoned' || view.status === 'not_for_me'
      ? 'Aucun conseiller n\'a pris votre demande en charge.'
      : 'Aucun conseiller n\'a encore pris votre demande en charge.'));
  byId('what-to-do-title').textContent = whatToDoTitle(view);
  byId('what-to-do').replaceChildren(...whatToDo(view));
  renderSatisfaction(view);
  byId('follow-up').hidden = false;
}

byId('satisfaction-form').addEventListener('submit', sendSatisfaction);

async function start() {
  if (!needId || !token) {
    problem('Lien de suivi incomplet', 'Ouvrez cette page avec le lien « Suivre ma demande » de l\'email de confirmation.');
    return;
  }
  const result = await api(`/api/company/needs/${encodeURIComponent(needId)}`, { token });
  if (result.status === 200 && result.data) return render(result.data);
  if (result.status === 401) return problem('Lien invalide ou expiré', problemText(result));
  if (result.status === 404) return problem('Demande introuvable', problemText(result));
  problem('Votre demande ne peut pas être affichée', problemText(result));
}

start();
