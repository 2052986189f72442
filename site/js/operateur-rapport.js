// "Rapport annuel" of the operators' space: GET /api/admin/reports/annual?year= (a printable HTML page) and its
// .csv. Both need the operator's Bearer header, which a plain link cannot send, so each is fetched and handed over
// through a Blob: the HTML opens in a new tab (its stylesheet has an absolute address, so it loads from there), the
// CSV is saved as a file, as the directory's downloads.
import { API_BASE } from './config.js';
import { el, byId } from './dom.js';
import { operatorSession } from './operateur-besoin.js';

/** The first year the service counted needs; the select runs from it to the current year (Paris), newest first. */
const FIRST_YEAR = 2024;
let authFailure = () => false;

function currentParisYear() {
  return Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
}

function fillYears(select) {
  const years = [];
  for (let year = currentParisYear(); year >= FIRST_YEAR; year -= 1) years.push(year);
  select.replaceChildren(...years.map((year) => el('option', { text: String(year), attrs: { value: String(year) } })));
}

async function fetchReport(path) {
  try {
    return await fetch(`${API_BASE}${path}`, {
      headers: { authorization: `Bearer ${operatorSession.token}` }, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
    });
  } catch {
    return null;
  }
}

async function hand(kind, button) {
  const status = byId('annual-report-status');
  const year = byId('annual-report-year').value;
  button.disabled = true;
  status.textContent = `Préparation du rapport ${year}…`;
  const response = await fetchReport(`/api/admin/reports/annual${kind === 'csv' ? '.csv' : ''}?year=${encodeURIComponent(year)}`);
  button.disabled = false;
  if (authFailure({ status: response?.status })) return;
  if (!response?.ok) {
    status.textContent = 'Le rapport n\'a pas pu être préparé. Réessayez dans quelques instants.';
    return;
  }

  const url = URL.createObjectURL(await response.blob());
  const fileName = `rapport-annuel-${year}.csv`;
  const link = kind === 'csv'
    ? el('a', { attrs: { href: url, download: fileName } })
    : el('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
  status.textContent = kind === 'csv'
    ? `Le fichier est téléchargé (« ${fileName} »).`
    : `Le rapport ${year} est ouvert dans un nouvel onglet.`;
}

export function setUpAnnualReport({ onAuthFailure }) {
  authFailure = onAuthFailure;
  fillYears(byId('annual-report-year'));
  const form = byId('annual-report-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hand('html', form.querySelector('[data-testid="annual-report-open"]'));
  });
  const csv = form.querySelector('[data-testid="annual-report-csv"]');
  csv.addEventListener('click', () => hand('csv', csv));
}
