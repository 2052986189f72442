// Public statistics (GET /api/stats): key figures, the monthly series and the breakdowns by theme, company size,
// sector and region, for a period, a region and a theme chosen in a GET form. The filters live in the address
// (?from=YYYY-MM&to=YYYY-MM&region=84&theme=financement) so that a view can be bookmarked or shared: read on load,
// rewritten with history.replaceState once the API has answered (no reload). The API is the judge of the filters:
// its French messages come back next to the fields. Text only through textContent.
import { api, problemText } from './api.js';
import { API_BASE } from './config.js';
import { el, byId, focusOn, announce, alertBox } from './dom.js';
import { showFieldErrors, clearAllErrors, controlOf } from './forms.js';
import { loadCatalog } from './catalog.js';
import { REGIONS, regionName } from './regions.js';
import { needsChart, sharesChart } from './stats-charts.js';
import {
  MONTH, monthLabel, shiftMonth, currentMonth, count, option, ensureMonthOption, fillMonthSelects, figureCards, monthlyTable, breakdownTable, periodText,
} from './stats-view.js';

/** The filter fields, in page order (the first one in error gets the focus); ids = API query parameters. */
const FIELDS = ['from', 'to', 'region', 'theme'];
/** How many months the period selects offer, the current one included. */
const MONTHS_OFFERED = 60;
/** Default period when the address holds none (the API's default too): the last 12 months. */
const DEFAULT_MONTHS = 12;

const pageTitle = document.title;
const form = byId('filters');

// ---------------------------------------------------------------------------------------------------------------
// The form

/** A choice the address asks for that the list does not hold (an unknown region or theme): kept, for the API to judge. */
function ensureOption(select, value, text) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  select.append(option(value, text));
}

function fillRegions() {
  byId('region').append(...REGIONS.map((region) => option(region.code, region.name)));
}

function fillThemes(catalog) {
  const select = byId('theme');
  const chosen = select.value;
  const themes = (catalog?.themes ?? []).filter((theme) => theme.id && theme.label);
  select.replaceChildren(option('', 'Toutes les thématiques'), ...themes.map((theme) => option(theme.id, theme.label)));
  ensureOption(select, chosen, chosen);
  select.value = chosen;
}

/** The filters of the address (only the four known parameters, blank ones left out). */
function queryFromAddress() {
  const params = new URLSearchParams(window.location.search);
  const query = {};
  for (const field of FIELDS) {
    const value = (params.get(field) ?? '').trim();
    if (value) query[field] = value;
  }
  return query;
}

/** Shows a query in the form (adding the choices the lists do not hold, for the API to judge). */
function showQuery(query, now) {
  const from = query.from ?? shiftMonth(query.to && MONTH.test(query.to) ? query.to : now, -(DEFAULT_MONTHS - 1));
  const to = query.to ?? now;
  ensureMonthOption(byId('from'), from);
  ensureMonthOption(byId('to'), to);
  byId('from').value = from;
  byId('to').value = to;
  ensureOption(byId('region'), query.region, `Code région ${query.region}`);
  byId('region').value = query.region ?? '';
  ensureOption(byId('theme'), query.theme, query.theme);
  byId('theme').value = query.theme ?? '';
}

function queryFromForm() {
  const query = {};
  for (const field of FIELDS) {
    const value = byId(field).value;
    if (value) query[field] = value;
  }
  return query;
}

function queryString(query) {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (query[field]) params.set(field, query[field]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// The results

const BREAKDOWNS = [
  { id: 'by-theme', field: 'byTheme', caption: 'Besoins déposés et réponse des conseillers, par thématique', header: 'Thématique' },
  { id: 'by-size', field: 'bySize', caption: 'Besoins déposés et réponse des conseillers, par taille d\'entreprise', header: 'Taille de l\'entreprise' },
  { id: 'by-sector', field: 'bySector', caption: 'Besoins déposés et réponse des conseillers, par secteur d\'activité', header: 'Secteur d\'activité' },
  { id: 'by-region', field: 'byRegion', caption: 'Besoins déposés et réponse des conseillers, par région', header: 'Région' },
  { id: 'by-source', field: 'bySource', caption: 'Besoins déposés et réponse des conseillers, par origine : le site public ou un partenaire', header: 'Origine du besoin' },
];

function scopeItems(view, catalog) {
  const period = view.from === view.to ? monthLabel(view.from) : periodText(view);
  const region = view.region ? (regionName(view.region) ?? view.region) : 'toute la France';
  const theme = view.theme
    ? ((catalog?.themes ?? []).find((t) => t.id === view.theme)?.label ?? view.theme)
    : 'toutes les thématiques';
  return [
    el('li', {}, el('strong', { text: 'Période\u00a0: ' }), period),
    el('li', {}, el('strong', { text: 'Région\u00a0: ' }), region),
    el('li', {}, el('strong', { text: 'Thématique\u00a0: ' }), theme),
  ];
}

function render(view, catalog, query) {
  const totals = view.totals ?? {};
  byId('stats-scope').replaceChildren(...scopeItems(view, catalog));
  byId('stats-scope').hidden = false;
  byId('figures').replaceChildren(...figureCards(totals));

  const empty = count(totals.submitted) === 0;
  byId('stats-empty').hidden = !empty;
  byId('stats-tables').hidden = empty;
  const months = Array.isArray(view.monthly) ? view.monthly : [];
  byId('monthly').replaceChildren(...(empty ? [] : [
    needsChart('monthly-needs', months, periodText(view)),
    sharesChart('monthly-shares', months, periodText(view)),
    monthlyTable(view),
  ]));
  for (const breakdown of BREAKDOWNS) {
    const node = empty ? null : breakdownTable(breakdown, view);
    byId(breakdown.id).replaceChildren(node ?? el('p', { text: 'Aucun besoin pour ces critères.' }));
  }

  byId('csv-link').href = `${API_BASE}/api/stats.csv${queryString(query)}`;
  byId('stats-content').hidden = false;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

let catalog = null;
let sequence = 0;

function setBusy(busy) {
  byId('results').setAttribute('aria-busy', busy ? 'true' : 'false');
  byId('stats-loading').hidden = !busy;
}

function hideAlerts() {
  for (const id of ['filters-alert', 'stats-problem']) {
    byId(id).hidden = true;
    byId(id).replaceChildren();
  }
}

/**
 * A 400: each message next to its field (DSFR error style); the rest in an alert. focus: on the first field in error
 * (after a filter change; not on arrival, where the page title and the messages say it).
 */
function showFilterErrors(problem, { focus, hadResults }) {
  const { first, others } = showFieldErrors(problem, Object.fromEntries(FIELDS.map((field) => [field, field])));
  document.title = `Erreur – ${pageTitle}`;
  if (others.length || !first) {
    const box = byId('filters-alert');
    const node = alertBox('error', 'Ces critères ne peuvent pas être utilisés', others.join(' ') || problemText({ status: 400, data: problem }),
      { 'data-testid': 'filters-problem', tabindex: '-1' });
    box.replaceChildren(node);
    box.hidden = false;
    if (focus && !first) focusOn(node);
  }
  if (!hadResults) {
    const box = byId('stats-problem');
    box.replaceChildren(alertBox('warning', null, 'Corrigez les critères ci-dessus, puis choisissez « Afficher ».', { 'data-testid': 'stats-invalid' }));
    box.hidden = false;
  }
  if (focus && first) {
    const control = controlOf(first);
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }
}

function showProblem(result, { focus, hadResults }) {
  const title = result.status === 0
    ? 'Le service est momentanément indisponible'
    : (hadResults ? 'Les statistiques n\'ont pas pu être mises à jour' : 'Les statistiques ne peuvent pas être affichées');
  const description = result.status === 0
    ? 'Les statistiques ne peuvent pas être chargées pour le moment. Vérifiez votre connexion à internet, puis réessayez dans quelques instants.'
    : problemText(result, 'Réessayez dans quelques instants.');
  const box = byId('stats-problem');
  const node = alertBox('error', title, description, { 'data-testid': 'stats-problem', tabindex: '-1' });
  box.replaceChildren(node);
  box.hidden = false;
  if (focus) focusOn(node);
}

/**
 * Asks the API for query and shows the answer. fromForm: a filter change (once the API has answered, the address is
 * rewritten and the update announced; an error gets the focus). waitFor: what must be there before showing (the
 * catalogue's theme names, on arrival).
 */
async function load(query, { fromForm, waitFor = null }) {
  const mine = ++sequence;
  clearAllErrors(form);
  hideAlerts();
  document.title = pageTitle;
  setBusy(true);
  const [result] = await Promise.all([api(`/api/stats${queryString(query)}`), waitFor]);
  if (mine !== sequence) return; // a later filter change won
  setBusy(false);

  const hadResults = !byId('stats-content').hidden;
  if (result.status === 200 && result.data && typeof result.data === 'object') {
    render(result.data, catalog, query);
    // The period the API used (its default when none was asked) shows in the form.
    showQuery({ ...query, from: result.data.from ?? query.from, to: result.data.to ?? query.to }, currentMonth());
    if (fromForm) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${queryString(query)}`);
      announce('Statistiques mises à jour');
    }
    return;
  }
  if (result.status === 400 && result.data?.errors) {
    showFilterErrors(result.data, { focus: fromForm, hadResults });
    return;
  }
  showProblem(result, { focus: fromForm, hadResults });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  load(queryFromForm(), { fromForm: true });
});

function start() {
  const now = currentMonth();
  fillMonthSelects([byId('from'), byId('to')], now, MONTHS_OFFERED);
  fillRegions();
  const query = queryFromAddress();
  showQuery(query, now);
  // The catalogue (theme names) and the stats in parallel.
  const themes = loadCatalog().then((loaded) => {
    catalog = loaded;
    fillThemes(loaded);
  });
  load(query, { fromForm: false, waitFor: themes });
}

start();
