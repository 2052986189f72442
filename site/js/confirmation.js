// Confirmation: what happens next, with what the person typed (read back from sessionStorage, set as text only).
import { byId } from './dom.js';
import './embed.js';

let data = null;
try { data = JSON.parse(sessionStorage.getItem('ce.confirmation')); } catch { data = null; }

if (data) {
  const outside = data.outsideCatalogue === true;
  byId('confirmation-subject').textContent = outside ? 'Votre besoin, hors de la liste des sujets.' : `Sujet : ${data.subject}.`;
  byId('next-email').textContent = `Un email de confirmation vient de vous être envoyé à ${data.email}. Il contient un lien pour suivre votre demande.`;
  const routed = data.status !== 'unrouted' && data.advisorCount > 0;
  const callNotice = 'L\'appel peut venir d\'un numéro que vous ne connaissez pas : pensez à décrocher.';
  let next;
  if (routed && data.advisorCount === 1) {
    next = `Votre demande a été transmise à un conseiller public de votre territoire. Il vous appellera dans les prochains jours au ${data.phone}. ${callNotice}`;
  } else if (routed) {
    next = `Votre demande a été transmise à ${data.advisorCount} conseillers publics de votre territoire. L'un d'eux vous appellera dans les prochains jours au ${data.phone}. ${callNotice}`;
  } else if (outside) {
    next = `Notre équipe va lire votre demande, choisir le sujet qui lui correspond et la transmettre au conseiller le mieux placé de votre territoire. Il vous appellera au ${data.phone}.`;
  } else {
    next = `Notre équipe recherche le conseiller le mieux placé pour vous répondre sur votre territoire. Dès qu'il sera désigné, il vous appellera au ${data.phone}.`;
  }
  byId('next-call').textContent = next;
  byId('need-confirmation').dataset.needId = data.needId;
}
