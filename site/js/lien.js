// Expired, tampered or missing advisor link: say so, and offer a fresh link by email (POST /api/advisor/login-link,
// always 202 whether or not the address is an advisor's).
import { api, problemText } from './api.js';
import { byId, focusOn } from './dom.js';
import { setFieldError, clearAllErrors, showErrorSummary, hideErrorSummary } from './forms.js';

const REASONS = {
  expire: ['Ce lien a expiré', 'Les liens envoyés aux conseillers sont valables un temps limité. Demandez un nouveau lien : il vous sera envoyé par email.'],
  invalide: ['Ce lien n\'est pas valide', 'Le lien est incomplet ou a été modifié. Demandez un nouveau lien : il vous sera envoyé par email.'],
  absent: ['Identifiez-vous avec un lien reçu par email', 'Votre session s\'est terminée ou vous avez ouvert cette page sans lien personnel. Demandez un nouveau lien : il vous sera envoyé par email.'],
};

const reason = new URLSearchParams(window.location.search).get('raison');
if (REASONS[reason]) {
  const [title, text] = REASONS[reason];
  byId('link-title').textContent = title;
  byId('link-reason').textContent = text;
  document.title = `${title} – Espace conseiller – Conseillers-Entreprises`;
}

const summary = byId('error-summary');
const form = byId('fresh-link');
const button = byId('fresh-link-submit');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearAllErrors(form);
  hideErrorSummary(summary);
  byId('fresh-link-sent').hidden = true;
  const email = byId('email').value.trim();
  const fail = (message) => {
    setFieldError('email', message);
    showErrorSummary(summary, [{ field: 'email', label: 'Adresse email', message }]);
  };
  if (!email) return fail('Indiquez votre adresse email');
  button.disabled = true;
  const result = await api('/api/advisor/login-link', { method: 'POST', body: { email } });
  button.disabled = false;
  if (result.status === 202 || result.status === 200) {
    byId('fresh-link-sent-text').textContent = `Si ${email} est l'adresse d'un conseiller du service, un nouveau lien vient d'y être envoyé. Il est valable 30 jours. Pensez à vérifier vos courriers indésirables.`;
    byId('fresh-link-sent').hidden = false;
    focusOn(byId('fresh-link-sent'));
    return;
  }
  if (result.status === 400 && result.data?.errors?.email) return fail(result.data.errors.email[0]);
  showErrorSummary(summary, [{ field: null, message: problemText(result) }], { title: 'Le lien n\'a pas pu être demandé' });
});
