// "Statistiques de mes antennes" on the antenna manager's page (GET /api/manager/stats): the public statistics page's
// key figures, monthly table and breakdown by theme, over the needs sent to the advisors of one of the manager's
// antennas, or of all of them (a need sent to two of them counts once). Shown once the needs list has opened with a
// valid token; the API judges the period (its French messages come next to the fields).
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce, alertBox } from './dom.js';
import { showFieldErrors, clearAllErrors, controlOf } from './forms.js';
import { currentMonth, shiftMonth, option, fillMonthSelects, figureCards, monthlyTable, breakdownTable, periodText, count } from './stats-view.js';

/** The period selects offer the last 36 months (the longest period the API accepts); the default is the last 12. */
const MONTHS_OFFERED = 36;
const DEFAULT_MONTHS = 12;
/** API error keys → the fields showing them, in page order. */
const FIELDS = { antennaId: 'manager-antenna', from: 'manager-from', to: 'manager-to' };
const BY_THEME = { id: 'manager-by-theme', field: 'byTheme', caption: 'Besoins transmis à mes antennes et réponse des conseillers, par thématique', header: 'Thématique' };

let sequence = 0;

function fillForm(antennas) {
  const now = currentMonth();
  fillMonthSelects([byId('manager-from'), byId('manager-to')], now, MONTHS_OFFERED);
  byId('manager-from').value = shiftMonth(now, -(DEFAULT_MONTHS - 1));
  byId('manager-to').value = now;
  const all = antennas.length > 1 ? [option('', 'Toutes mes antennes')] : [];
  byId('manager-antenna').replaceChildren(...all, ...antennas.map((a) => option(a.id, `${a.name} (${a.institution})`)));
}

function query() {
  const params = new URLSearchParams({ from: byId('manager-from').value, to: byId('manager-to').value });
  const antennaId = byId('manager-antenna').value;
  if (antennaId) params.set('antennaId', antennaId);
  return params.toString();
}

function render(view) {
  const totals = view.totals ?? {};
  const empty = count(totals.submitted) === 0;
  byId('manager-figures').replaceChildren(...figureCards(totals));
  byId('manager-stats-empty').hidden = !empty;
  byId('manager-stats-tables').hidden = empty;
  byId('manager-monthly').replaceChildren(...(empty ? [] : [monthlyTable(view, 'manager-monthly')]));
  const byTheme = empty ? null : breakdownTable({ ...BY_THEME, caption: `${BY_THEME.caption}, ${periodText(view)}` }, view);
  byId('manager-by-theme').replaceChildren(byTheme ?? el('p', { text: 'Aucun besoin pour ces critères.' }));
  byId('manager-stats-content').hidden = false;
}

async function load(token, { fromForm }) {
  const mine = ++sequence;
  const form = byId('manager-stats-filters');
  clearAllErrors(form);
  byId('manager-stats-problem').replaceChildren();
  byId('manager-stats-results').setAttribute('aria-busy', 'true');
  const result = await api(`/api/manager/stats?${query()}`, { token });
  if (mine !== sequence) return; // a later choice won
  byId('manager-stats-results').setAttribute('aria-busy', 'false');
  if (result.status === 200 && result.data && typeof result.data === 'object') {
    render(result.data);
    if (fromForm) announce('Statistiques mises à jour');
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    const { first, others } = showFieldErrors(result.data, FIELDS);
    if (others.length) byId('manager-stats-problem').replaceChildren(alertBox('error', null, others.join(' ')));
    if (fromForm) controlOf(first)?.focus();
    return;
  }
  const box = alertBox('error', null, problemText(result, 'Les statistiques ne peuvent pas être affichées pour le moment.'),
    { 'data-testid': 'manager-stats-problem', tabindex: '-1' });
  byId('manager-stats-problem').replaceChildren(box);
  if (fromForm) focusOn(box);
}

/** Shows the section for the manager's antennas ([{ id, name, institution }]) and loads the last 12 months. */
export function setUpManagerStats(token, antennas) {
  fillForm(antennas);
  byId('manager-stats-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load(token, { fromForm: true });
  });
  byId('manager-stats').hidden = false;
  load(token, { fromForm: false });
}
