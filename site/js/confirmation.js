// Confirmation: what happens next, with what the person typed (read back from sessionStorage, set as text only).
import { byId } from './dom.js';

let data = null;
try { data = JSON.parse(sessionStorage.getItem('ce.confirmation')); } catch { data = null; }

if (data) {
  byId('confirmation-subject').textContent = `Sujet : ${data.subject}.`;
  byId('next-email').textContent = `Un email de confirmation vient de vous être envoyé à ${data.email}. Il contient un lien pour suivre votre demande.`;
  const routed = data.status !== 'unrouted' && data.advisorCount > 0;
  byId('next-call').textContent = routed
    ? `Votre demande a été transmise à ${data.advisorCount === 1 ? 'un conseiller public' : `${data.advisorCount} conseillers publics`} de votre territoire. `
      + `${data.advisorCount === 1 ? 'Il' : 'L\'un d\'eux'} vous appellera dans les prochains jours au ${data.phone}. L'appel peut venir d'un numéro que vous ne connaissez pas : pensez à décrocher.`
    : `Notre équipe recherche le conseiller le mieux placé pour vous répondre sur votre territoire. Dès qu'il sera désigné, il vous appellera au ${data.phone}.`;
  byId('need-confirmation').dataset.needId = data.needId;
}
