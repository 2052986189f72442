// "Couverture par sujet" of the operators' space: GET /api/admin/coverage?subjectId= → the communes without a
// competent advisor and those where one institution has several, by département. The totals first, then one folded
// <details> per département with something to say, whose DSFR table is built when it is opened (a subject badly
// covered lists thousands of communes). The CSV (GET /api/admin/coverage.csv) is fetched with the Bearer header and
// saved through a Blob, as the directory's downloads.
import { API_BASE } from './config.js';
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce } from './dom.js';
import { setFieldError, clearFieldError, showFieldErrors } from './forms.js';
import { fillSubjectSelect } from './catalog.js';
import { operatorSession } from './operateur-besoin.js';

let authFailure = () => false;
let catalogLoaded = false;
const plural = (n, one, many) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

async function fillSubjects() {
  if (catalogLoaded) return;
  catalogLoaded = await fillSubjectSelect(byId('coverage-subject'));
}

function table(captionId, caption, headers, rows, testId) {
  return el('div', { className: 'fr-table fr-table--sm fr-table--no-caption ce-table', attrs: { 'data-testid': testId } },
    el('div', { className: 'fr-table__wrapper' },
      el('div', { className: 'fr-table__container', attrs: { role: 'region', 'aria-labelledby': captionId, tabindex: '0' } },
        el('div', { className: 'fr-table__content' },
          el('table', {},
            el('caption', { id: captionId, text: caption }),
            el('thead', {}, el('tr', {}, headers.map((title) => el('th', { text: title, attrs: { scope: 'col' } })))),
            el('tbody', {}, rows))))));
}

const communeNames = (communes) => communes.map((c) => `${c.name} (${c.code})`).join(', ');

// Long lists of communes (an institution's advisors over a whole département) stay folded in their cell.
function communesCell(communes) {
  if (communes.length <= 12) return el('td', { text: communeNames(communes) });
  return el('td', {}, el('details', { className: 'ce-details' },
    el('summary', { text: plural(communes.length, 'commune', 'communes') }),
    el('p', { className: 'fr-text--sm', text: communeNames(communes) })));
}

function departementTables(departement) {
  const where = `${departement.name} (${departement.code})`;
  return [
    departement.uncovered.length
      ? table(`coverage-uncovered-${departement.code}`, `Communes sans conseiller compétent – ${where}`, ['Commune', 'Code INSEE'],
        departement.uncovered.map((c) => el('tr', { attrs: { 'data-testid': 'coverage-row', 'data-commune-code': c.code } },
          el('th', { text: c.name, attrs: { scope: 'row' } }), el('td', { text: c.code }))), 'coverage-table')
      : null,
    departement.overlaps.length
      ? table(`coverage-overlaps-${departement.code}`, `Institutions ayant plusieurs conseillers compétents sur une même commune – ${where}`,
        ['Institution', 'Conseillers', 'Communes'],
        departement.overlaps.map((o) => el('tr', { attrs: { 'data-testid': 'coverage-overlap', 'data-institution-id': o.institutionId } },
          el('th', { text: o.institutionName, attrs: { scope: 'row' } }),
          el('td', { text: o.advisors.map((a) => `${a.advisorName} (${a.antennaName})`).join(', ') }),
          communesCell(o.communes))), 'coverage-overlaps')
      : null,
  ];
}

function departementDetails(departement) {
  const parts = [];
  if (departement.uncovered.length) parts.push(plural(departement.uncovered.length, 'commune sans conseiller', 'communes sans conseiller'));
  if (departement.overlapCount) parts.push(plural(departement.overlapCount, 'commune où une institution a plusieurs conseillers', 'communes où une institution a plusieurs conseillers'));
  const details = el('details', { className: 'ce-details fr-mb-2w', attrs: { 'data-testid': 'coverage-departement', 'data-departement': departement.code } },
    el('summary', { text: `${departement.name} (${departement.code}) : ${parts.join(', ')} sur ${plural(departement.communeCount, 'commune', 'communes')}` }));
  // Built when opened: a badly covered subject lists thousands of communes.
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(...departementTables(departement).filter(Boolean));
  });
  return details;
}

async function downloadCsv(subjectId, button) {
  const status = byId('coverage-download-status');
  button.disabled = true;
  status.textContent = 'Préparation du fichier…';
  let response = null;
  try {
    response = await fetch(`${API_BASE}/api/admin/coverage.csv?subjectId=${encodeURIComponent(subjectId)}`, {
      headers: { authorization: `Bearer ${operatorSession.token}` }, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
    });
  } catch {
    response = null;
  }
  button.disabled = false;
  if (authFailure({ status: response?.status })) return;
  if (!response?.ok) {
    status.textContent = 'Le fichier n\'a pas pu être téléchargé. Réessayez dans quelques instants.';
    return;
  }
  const fileName = `couverture-${subjectId}.csv`;
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status.textContent = `Le fichier est téléchargé (« ${fileName} »).`;
}

function render(report, subjectLabel) {
  const out = byId('coverage-result');
  const concerned = report.departements.filter((d) => d.uncovered.length || d.overlaps.length);
  const csvButton = el('button', { className: 'fr-btn fr-btn--secondary fr-btn--sm', text: 'Télécharger la couverture (CSV)', attrs: { type: 'button', 'data-testid': 'coverage-csv' } });
  csvButton.addEventListener('click', () => downloadCsv(report.subjectId, csvButton));
  out.replaceChildren(
    el('h3', { className: 'fr-h5', id: 'coverage-result-title', text: `Couverture : ${subjectLabel}` }),
    el('p', { attrs: { 'data-testid': 'coverage-summary' }, text: `Sur ${plural(report.communeCount, 'commune', 'communes')} : `
      + `${plural(report.uncoveredCount, 'commune sans conseiller compétent', 'communes sans conseiller compétent')}, `
      + `${plural(report.overlapCount, 'commune où une même institution a plusieurs conseillers compétents', 'communes où une même institution a plusieurs conseillers compétents')}.` }),
    el('p', {}, csvButton, el('span', { className: 'fr-hint-text fr-ml-2w', id: 'coverage-download-status', attrs: { 'aria-live': 'polite' } })),
    concerned.length
      ? el('div', { attrs: { 'data-testid': 'coverage-departements' } }, concerned.map(departementDetails))
      : el('p', { attrs: { 'data-testid': 'coverage-complete' }, text: 'Chaque commune a au moins un conseiller compétent, et aucune institution n\'en a plusieurs sur une même commune.' }));
  out.hidden = false;
  focusOn(out);
  announce(`${plural(report.uncoveredCount, 'commune sans conseiller', 'communes sans conseiller')}.`);
}

async function show(event) {
  event.preventDefault();
  clearFieldError('coverage-subject');
  const select = byId('coverage-subject');
  const subjectId = select.value;
  if (!subjectId) {
    setFieldError('coverage-subject', 'Choisissez un sujet');
    select.focus();
    return;
  }
  const status = byId('coverage-status');
  status.textContent = 'Calcul de la couverture sur toutes les communes…';
  const result = await api(`/api/admin/coverage?subjectId=${encodeURIComponent(subjectId)}`, { token: operatorSession.token });
  status.textContent = '';
  if (authFailure(result)) return;
  if (result.status === 200 && result.data) {
    render(result.data, select.selectedOptions[0]?.textContent ?? subjectId);
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    showFieldErrors(result.data, { subjectId: 'coverage-subject' });
    select.focus();
    return;
  }
  status.textContent = problemText(result, 'La couverture ne peut pas être calculée pour le moment. Réessayez.');
}

export function setUpCoverage({ onAuthFailure }) {
  authFailure = onAuthFailure;
  byId('coverage-form').addEventListener('submit', show);
  byId('coverage-subject').addEventListener('focus', fillSubjects, { once: true });
}

/** Fills the subject list once the operator is signed in (the home view shown). */
export function loadCoverageSubjects() {
  fillSubjects();
}
