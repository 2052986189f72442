// The need form, in 3 steps: the company (SIRET looked up and confirmed, or the commune when the lookup cannot
// answer, or the commune and a name for a company without SIRET yet), the contact, the need (description, consent).
// The same form serves a need outside the catalogue (autre-besoin.html, <body data-need="hors-catalogue">): no subject
// is sent, the operators choose it. Everything typed is kept in sessionStorage (per subject)
// so that nothing is lost on an error or a reload; the API's errors are shown next to their field and in a summary.
import { api, problemText } from './api.js';
import { embedUrl } from './embed.js';
import { el, byId, focusOn, announce } from './dom.js';
import { loadCatalog, findSubject } from './catalog.js';
import { uncoveredTerritoryMessage } from './uncovered.js';
import { takeWords } from './need-words.js';
import { setFieldError, clearFieldError, clearAllErrors, showErrorSummary, hideErrorSummary, validationErrors } from './forms.js';

const STEPS = [
  { title: 'Votre entreprise', fields: ['siret', 'no-siret', 'communeCode', 'companyName', 'commune-search'] },
  { title: 'Vos coordonnées', fields: ['firstName', 'lastName', 'email', 'phone'] },
  { title: 'Votre besoin', fields: ['description', 'consent', 'subjectId', 'website', 'idempotencyKey'] },
];

const LABELS = {
  siret: 'Numéro SIRET', communeCode: 'Commune', 'commune-search': 'Recherche de commune', companyName: 'Nom de l\'entreprise',
  firstName: 'Prénom', lastName: 'Nom', email: 'Adresse email', phone: 'Téléphone',
  description: 'Description du besoin', consent: 'Accord', subjectId: 'Sujet',
};

// The same words as the API (NeedMessages, Siret): the person reads one voice whether the browser or the server checked.
const MESSAGES = {
  siretRequired: 'Le numéro SIRET est obligatoire.',
  siretDigits: 'Le numéro SIRET ne doit contenir que des chiffres (les espaces sont acceptés).',
  communeRequired: 'Choisissez la commune de votre établissement dans la liste (recherchez-la d\'abord par son nom ou son code postal).',
  communeRequiredWithoutSiret: 'Sans SIRET, indiquez la commune où se trouve ou se trouvera votre entreprise (recherchez-la d\'abord par son nom ou son code postal)',
  companyNameRequiredWithoutSiret: 'Sans SIRET, indiquez le nom de votre entreprise ou de votre projet',
  firstNameRequired: 'Indiquez votre prénom',
  lastNameRequired: 'Indiquez votre nom',
  emailRequired: 'Indiquez votre adresse email',
  emailInvalid: 'Adresse email invalide : vérifiez-la, par exemple prenom.nom@exemple.fr',
  phoneRequired: 'Indiquez votre numéro de téléphone',
  descriptionTooShort: 'Décrivez votre besoin en 20 caractères au moins',
  descriptionTooLong: 'Décrivez votre besoin en 4\u00A0000 caractères au plus',
  consentRequired: 'Vous devez accepter que vos coordonnées soient transmises aux conseillers',
  foreign: 'Le service s\'adresse aux entreprises établies en France',
  ceased: 'Cette entreprise a cessé son activité : le service s\'adresse aux entreprises en activité',
  closed: 'Cet établissement est fermé : indiquez le SIRET d\'un établissement en activité',
};

// What to write, by theme of the demo catalogue; the subject's own description completes it.
const THEME_HINTS = {
  'tresorerie-financement': 'Indiquez le montant en jeu, l\'échéance et ce que vous avez déjà tenté (banque, report de paiement…).',
  'recrutement-rh': 'Indiquez le ou les postes, le nombre de personnes concernées et vos délais.',
  'transition-ecologique': 'Indiquez ce que vous souhaitez réduire ou améliorer (énergie, déchets, eau…) et vos locaux ou équipements concernés.',
  'developpement-commercial': 'Indiquez ce que vous vendez, à qui, et les marchés ou pays que vous visez.',
  'creation-reprise-cession': 'Indiquez où en est votre projet, son calendrier et son financement envisagé.',
  'entreprise-en-difficulte': 'Décrivez la situation (baisse d\'activité, impayés, dettes) et son urgence. Vos informations restent confidentielles.',
  innovation: 'Décrivez votre innovation, son état d\'avancement et ce dont vous avez besoin (financement, protection, partenaire).',
  immobilier: 'Indiquez le type de local, la surface, la commune et votre calendrier.',
  'juridique-reglementation': 'Décrivez votre question précisément, avec votre activité et votre statut actuel.',
  'numerique-cybersecurite': 'Indiquez vos outils actuels, ce que vous souhaitez améliorer et, s\'il y en a eu, les incidents subis.',
};
const GENERIC_HINT = 'Quelques phrases suffisent : votre activité, votre situation, ce que vous attendez d\'un conseiller.';

const form = byId('need-form');
const summary = byId('error-summary');
const actionButton = byId('form-action');
const params = new URLSearchParams(window.location.search);
const OUTSIDE_CATALOGUE = document.body.dataset.need === 'hors-catalogue';
const OUTSIDE_LABEL = 'Besoin hors catalogue';
const subjectId = OUTSIDE_CATALOGUE ? null : params.get('sujet') ?? '';
const DRAFT_KEY = OUTSIDE_CATALOGUE ? 'ce.demande.hors-catalogue' : `ce.demande.${subjectId}`;
const noSiretBox = byId('no-siret');

const TEXT_FIELDS = ['siret', 'commune-search', 'companyName', 'firstName', 'lastName', 'email', 'phone', 'description', 'website'];

let subject = null;
let draft = loadDraft();
let communeTimer = null;
let communeQuery = 0;
let sending = false;

// ---------- draft (sessionStorage) ----------

function emptyDraft() {
  return {
    step: 1,
    values: {},
    communeOptions: [],
    lookup: null, // { siret, kind: 'found' | 'missing', company?, message? }
    idempotencyKey: crypto.randomUUID(),
    // When the person opened the form, kept with the draft so that a reload does not restart the clock: the API holds
    // a form sent faster than a person could fill it (filledInSeconds, Moderation:MinSecondsToFill).
    startedAt: Date.now(),
  };
}

function loadDraft() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DRAFT_KEY));
    if (saved && typeof saved === 'object' && saved.values) return { ...emptyDraft(), ...saved };
  } catch { /* a broken draft is replaced */ }
  return emptyDraft();
}

function saveDraft() {
  for (const id of TEXT_FIELDS) draft.values[id] = byId(id).value;
  draft.values.communeCode = byId('communeCode').value;
  draft.values.consent = byId('consent').checked;
  draft.values.noSiret = noSiretBox.checked;
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

function restoreDraft() {
  for (const id of TEXT_FIELDS) byId(id).value = draft.values[id] ?? '';
  fillCommunes(draft.communeOptions, draft.values.communeCode ?? '');
  byId('consent').checked = draft.values.consent === true;
  noSiretBox.checked = draft.values.noSiret === true;
  renderLookup();
  // The words typed on the home page start the description, unless the person already wrote one.
  const words = takeWords(subjectId);
  if (words && !byId('description').value.trim()) {
    byId('description').value = words;
    saveDraft();
  }
}

// ---------- steps ----------

function showStep(step, { focus = true } = {}) {
  draft.step = step;
  for (const [index] of STEPS.entries()) byId(`step-${index + 1}`).hidden = index + 1 !== step;
  const current = STEPS[step - 1];
  byId('step-name').textContent = current.title;
  byId('step-state').textContent = `Étape ${step} sur ${STEPS.length}`;
  byId('step-bar').setAttribute('data-fr-current-step', String(step));
  const next = STEPS[step];
  byId('step-next').hidden = !next;
  if (next) byId('step-next-name').textContent = next.title;
  byId('previous-item').hidden = step === 1;
  const last = step === STEPS.length;
  actionButton.textContent = last ? 'Envoyer ma demande' : stepOneLabel(step);
  actionButton.setAttribute('data-testid', last ? 'submit' : 'next');
  setTitle(false);
  saveDraft();
  if (focus) focusOn(byId('step-title'));
}

function stepOneLabel(step) {
  return step === 1 && !noSiretBox.checked && lookupMatchesInput()?.kind === 'found' ? 'Oui, c\'est mon établissement : continuer' : 'Continuer';
}

function setTitle(withErrors) {
  const step = STEPS[draft.step - 1];
  const about = OUTSIDE_CATALOGUE ? 'Votre besoin n\'est pas dans la liste' : subject?.subject.label ?? 'Votre demande';
  document.title = `${withErrors ? 'Erreur – ' : ''}${step.title} – Étape ${draft.step} sur ${STEPS.length} – ${about} – Conseillers-Entreprises`;
}

function stepOf(field) {
  const index = STEPS.findIndex((s) => s.fields.includes(field));
  return index < 0 ? STEPS.length : index + 1;
}

function reveal(field) {
  const step = stepOf(field);
  if (step !== draft.step) showStep(step, { focus: false });
  if (field === 'communeCode') byId('company-missing').hidden = false;
}

function showErrors(errors) {
  clearAllErrors(form);
  for (const error of errors) if (error.field) setFieldError(error.field, errors.filter((e) => e.field === error.field).map((e) => e.message));
  showErrorSummary(summary, errors.map((e) => ({ ...e, label: LABELS[e.field] })), { reveal });
  setTitle(true);
}

function clearErrors() {
  clearAllErrors(form);
  hideErrorSummary(summary);
  byId('form-alert').hidden = true;
  setTitle(false);
}

function showFormAlert(title, message) {
  const box = byId('form-alert');
  box.replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-mb-4w', attrs: { 'data-testid': 'form-alert' } },
    el('h2', { className: 'fr-alert__title', text: title }), el('p', { text: message })));
  box.hidden = false;
  setTitle(true);
  focusOn(box.firstElementChild);
}

// ---------- step 1: SIRET lookup, or the commune ----------

const siretDigits = () => byId('siret').value.replace(/\s+/g, '');

/** The lookup result if it is about the SIRET currently typed. */
function lookupMatchesInput() {
  return draft.lookup && draft.lookup.siret === siretDigits() ? draft.lookup : null;
}

function renderLookup() {
  const noSiret = noSiretBox.checked;
  const lookup = noSiret ? null : lookupMatchesInput();
  const found = lookup?.kind === 'found';
  byId('siret-group').hidden = noSiret;
  byId('company-found').hidden = !found;
  byId('company-missing').hidden = !noSiret && lookup?.kind !== 'missing';
  byId('company-missing-title').textContent = noSiret ? 'Votre entreprise n\'est pas encore immatriculée' : 'Indiquez la commune de votre établissement';
  byId('companyName-label').textContent = noSiret ? 'Nom de votre entreprise ou de votre projet' : 'Nom de votre entreprise (facultatif)';
  if (noSiret) {
    byId('company-missing-detail').textContent = 'Indiquez la commune où elle se trouve ou se trouvera, et son nom ou celui de votre projet : votre demande ira aux conseillers de cette commune.';
  }
  if (found) {
    const c = lookup.company;
    byId('company-name').textContent = c.name || 'Nom non diffusé';
    byId('company-place').textContent = [c.postalCode, c.communeName].filter(Boolean).join(' ') + (c.siret ? ` – SIRET ${c.siret}` : '');
  }
  if (lookup?.kind === 'missing') byId('company-missing-detail').textContent = lookup.message;
  if (draft.step === 1) actionButton.textContent = stepOneLabel(1);
}

async function stepOne() {
  if (noSiretBox.checked) {
    const errors = [];
    if (!byId('communeCode').value) errors.push({ field: 'communeCode', message: MESSAGES.communeRequiredWithoutSiret });
    if (!byId('companyName').value.trim()) errors.push({ field: 'companyName', message: MESSAGES.companyNameRequiredWithoutSiret });
    return errors.length ? showErrors(errors) : showStep(2);
  }
  const digits = siretDigits();
  if (!digits) return showErrors([{ field: 'siret', message: MESSAGES.siretRequired }]);
  if (/[^\d]/.test(digits)) return showErrors([{ field: 'siret', message: MESSAGES.siretDigits }]);

  const lookup = lookupMatchesInput();
  if (lookup?.kind === 'found') return showStep(2);
  if (lookup?.kind === 'missing') {
    if (!byId('communeCode').value) return showErrors([{ field: 'communeCode', message: MESSAGES.communeRequired }]);
    return showStep(2);
  }

  actionButton.disabled = true;
  announce('Recherche de votre établissement…');
  const result = await api(`/api/companies/${encodeURIComponent(digits)}`);
  actionButton.disabled = false;
  if (result.status === 400) {
    const errors = validationErrors(result.data).filter((e) => e.field === 'siret');
    return showErrors(errors.length ? errors : [{ field: 'siret', message: problemText(result) }]);
  }
  if (result.status === 200 && result.data) {
    const company = result.data;
    const refusal = company.foreign ? MESSAGES.foreign : company.companyCeased ? MESSAGES.ceased : company.establishmentClosed ? MESSAGES.closed : null;
    if (refusal) return showErrors([{ field: 'siret', message: refusal }]);
    draft.lookup = { siret: digits, kind: 'found', company };
    saveDraft();
    renderLookup();
    focusOn(byId('company-found'));
    return;
  }
  // 404 (unknown or not public), 503 (lookup unavailable), 429, network: the commune is asked instead.
  draft.lookup = {
    siret: digits,
    kind: 'missing',
    message: problemText(result, 'Nous ne pouvons pas retrouver votre établissement pour le moment.')
      + (result.status === 0 || result.status === 429 ? ' Vous pouvez aussi poursuivre en indiquant la commune de votre établissement.' : ''),
  };
  saveDraft();
  renderLookup();
  focusOn(byId('company-missing-alert'));
}

function communeLabel(c) {
  const codes = c.postalCodes ?? [];
  const postal = codes.length ? ` (${codes.slice(0, 3).join(', ')}${codes.length > 3 ? '…' : ''})` : '';
  return `${c.name}${postal} – département ${c.departement}`;
}

function fillCommunes(options, selected) {
  const select = byId('communeCode');
  const placeholder = el('option', { text: options.length ? 'Choisissez votre commune' : 'Recherchez d\'abord votre commune', attrs: { value: '' } });
  select.replaceChildren(placeholder, ...options.map((o) => el('option', { text: o.label, attrs: { value: o.code } })));
  select.value = options.some((o) => o.code === selected) ? selected : '';
}

async function searchCommunes() {
  const q = byId('commune-search').value.trim();
  clearFieldError('commune-search');
  if (q.length < 2) {
    byId('commune-results-status').textContent = 'Saisissez au moins 2 caractères.';
    return;
  }
  const ticket = ++communeQuery;
  const result = await api(`/api/communes?q=${encodeURIComponent(q)}`);
  if (ticket !== communeQuery) return; // a newer search was started
  if (result.status !== 200 || !Array.isArray(result.data)) {
    setFieldError('commune-search', problemText(result, 'La recherche de commune ne répond pas. Réessayez.'));
    return;
  }
  const previous = byId('communeCode').value;
  draft.communeOptions = result.data.map((c) => ({ code: c.code, label: communeLabel(c) }));
  fillCommunes(draft.communeOptions, draft.communeOptions.length === 1 ? draft.communeOptions[0].code : previous);
  const n = draft.communeOptions.length;
  byId('commune-results-status').textContent = n === 0
    ? uncoveredTerritoryMessage(q) ?? `Aucune commune trouvée pour « ${q} ». Vérifiez l'orthographe ou essayez le code postal.`
    : n === 1 ? '1 commune trouvée : elle est choisie dans la liste ci-dessous.'
      : `${n} communes trouvées : choisissez la vôtre dans la liste ci-dessous.`;
  saveDraft();
}

// ---------- step 2: the contact ----------

function stepTwo() {
  const errors = [];
  const value = (id) => byId(id).value.trim();
  if (!value('firstName')) errors.push({ field: 'firstName', message: MESSAGES.firstNameRequired });
  if (!value('lastName')) errors.push({ field: 'lastName', message: MESSAGES.lastNameRequired });
  if (!value('email')) errors.push({ field: 'email', message: MESSAGES.emailRequired });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('email'))) errors.push({ field: 'email', message: MESSAGES.emailInvalid });
  if (!value('phone')) errors.push({ field: 'phone', message: MESSAGES.phoneRequired });
  if (errors.length) return showErrors(errors);
  showStep(3);
}

// ---------- step 3: the need, and sending ----------

async function stepThree() {
  const errors = [];
  const description = byId('description').value.trim();
  if (description.length < 20) errors.push({ field: 'description', message: MESSAGES.descriptionTooShort });
  else if (description.length > 4000) errors.push({ field: 'description', message: MESSAGES.descriptionTooLong });
  if (!byId('consent').checked) errors.push({ field: 'consent', message: MESSAGES.consentRequired });
  if (errors.length) return showErrors(errors);

  const noSiret = noSiretBox.checked;
  const askedCommune = noSiret || lookupMatchesInput()?.kind === 'missing';
  const v = (id) => byId(id).value.trim();
  const body = {
    ...(OUTSIDE_CATALOGUE ? {} : { subjectId }),
    description: byId('description').value,
    siret: noSiret ? null : siretDigits(),
    communeCode: askedCommune ? byId('communeCode').value || null : null,
    companyName: askedCommune ? v('companyName') || null : null,
    firstName: v('firstName'),
    lastName: v('lastName'),
    email: v('email'),
    phone: v('phone'),
    consent: true,
    idempotencyKey: draft.idempotencyKey,
    website: byId('website').value,
    filledInSeconds: Math.max(0, Math.round((Date.now() - Number(draft.startedAt)) / 100) / 10) || 0,
  };

  sending = true;
  actionButton.disabled = true;
  actionButton.textContent = 'Envoi en cours…';
  announce('Envoi de votre demande en cours…');
  const result = await api('/api/needs', { method: 'POST', body });
  sending = false;
  actionButton.disabled = false;
  actionButton.textContent = 'Envoyer ma demande';

  if ((result.status === 201 || result.status === 200) && result.data?.needId) {
    sessionStorage.setItem('ce.confirmation', JSON.stringify({
      needId: result.data.needId,
      status: result.data.status,
      advisorCount: result.data.advisorCount ?? 0,
      subject: OUTSIDE_CATALOGUE ? OUTSIDE_LABEL : subject.subject.label,
      outsideCatalogue: OUTSIDE_CATALOGUE,
      email: body.email,
      phone: body.phone,
    }));
    sessionStorage.removeItem(DRAFT_KEY);
    window.location.assign(embedUrl('/confirmation.html'));
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    const serverErrors = validationErrors(result.data);
    if (serverErrors.some((e) => e.field === 'communeCode') && draft.lookup && !noSiret) {
      // The server could not find the commune from the SIRET: ask for it.
      draft.lookup = { siret: siretDigits(), kind: 'missing', message: 'Nous n\'avons pas pu retrouver la commune de votre établissement à partir du SIRET.' };
      renderLookup();
    }
    const first = Math.min(...serverErrors.map((e) => (e.field ? stepOf(e.field) : STEPS.length)));
    showStep(first, { focus: false });
    showErrors(serverErrors);
    return;
  }
  showFormAlert('Votre demande n\'a pas pu être envoyée', `${problemText(result)} Ce que vous avez saisi est conservé.`);
}

// ---------- wiring ----------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (sending) return;
  clearErrors();
  if (draft.step === 1) stepOne();
  else if (draft.step === 2) stepTwo();
  else stepThree();
});

byId('previous').addEventListener('click', () => {
  clearErrors();
  showStep(Math.max(1, draft.step - 1));
});

byId('company-not-mine').addEventListener('click', () => {
  draft.lookup = null;
  renderLookup();
  saveDraft();
  const siret = byId('siret');
  siret.select();
  siret.focus();
  announce('Corrigez le numéro SIRET, puis continuez.');
});

form.addEventListener('input', (event) => {
  if (event.target.id === 'siret') renderLookup();
  if (event.target.id === 'commune-search') {
    clearTimeout(communeTimer);
    communeTimer = setTimeout(searchCommunes, 350);
  }
  saveDraft();
});
form.addEventListener('change', saveDraft);

noSiretBox.addEventListener('change', () => {
  clearErrors();
  renderLookup();
  saveDraft();
  announce(noSiretBox.checked
    ? 'Sans SIRET : indiquez la commune et le nom de votre entreprise ou de votre projet, ci-dessous.'
    : 'Indiquez le numéro SIRET de votre établissement.');
});

byId('commune-search').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault(); // Enter searches here, it does not go to the next step
    clearTimeout(communeTimer);
    searchCommunes();
  }
});
byId('commune-search-submit').addEventListener('click', () => {
  clearTimeout(communeTimer);
  searchCommunes();
});

function unavailable(title, message) {
  byId('loading').hidden = true;
  byId('subject-title').textContent = title;
  document.title = `${title} – Conseillers-Entreprises`;
  const box = byId('unavailable');
  box.replaceChildren(el('div', { className: 'fr-alert fr-alert--warning', attrs: { 'data-testid': 'form-unavailable' } },
    el('p', { text: message })),
  el('p', { className: 'fr-mt-3w' }, el('a', { className: 'fr-link', text: 'Voir tous les sujets', attrs: { href: '/' } })));
  box.hidden = false;
}

/** The form outside the catalogue: no subject to load, the page says what happens. */
function startOutsideCatalogue() {
  byId('loading').hidden = true;
  byId('description-hint').textContent = 'Avec vos mots : votre activité, votre situation, ce que vous attendez d\'un conseiller. Notre équipe choisira le bon sujet. Entre 20 et 4 000 caractères.';
  byId('need-forms').hidden = false;
  byId('after-form').hidden = false;
  restoreDraft();
  showStep(Math.min(Math.max(Number(draft.step) || 1, 1), STEPS.length), { focus: false });
}

async function start() {
  if (OUTSIDE_CATALOGUE) {
    startOutsideCatalogue();
    return;
  }
  const catalog = await loadCatalog();
  if (!catalog) {
    unavailable('Formulaire momentanément indisponible', 'Le formulaire ne peut pas être affiché pour le moment. Réessayez dans quelques instants : ce que vous avez déjà saisi est conservé.');
    return;
  }
  subject = findSubject(catalog, subjectId);
  if (!subject) {
    unavailable('Sujet introuvable', 'Ce sujet n\'existe pas ou n\'est plus proposé. Choisissez votre sujet dans la liste.');
    return;
  }
  byId('loading').hidden = true;
  byId('subject-title').textContent = subject.subject.label;
  const description = byId('subject-description');
  if (subject.subject.description) {
    description.textContent = subject.subject.description;
    description.hidden = false;
  }
  byId('description-hint').textContent = `${THEME_HINTS[subject.theme.id] ?? GENERIC_HINT} Entre 20 et 4 000 caractères.`;
  byId('need-forms').hidden = false;
  restoreDraft();
  // A reload keeps the step; the first display of the form leaves focus where it is (top of the page).
  showStep(Math.min(Math.max(Number(draft.step) || 1, 1), STEPS.length), { focus: false });
}

start();
