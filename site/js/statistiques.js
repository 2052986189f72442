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

/** The filter fields, in page order (the first one in error gets the focus); ids = API query parameters. */
const FIELDS = ['from', 'to', 'region', 'theme'];
/** How many months the period selects offer, the current one included. */
const MONTHS_OFFERED = 60;
/** Default period when the address holds none (the API's default too): the last 12 months. */
const DEFAULT_MONTHS = 12;

const pageTitle = document.title;
const form = byId('filters');

const integer = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const parisMonth = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' });

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-11" → "novembre 2026"; anything else as it is. */
function monthLabel(value) {
  const match = MONTH.exec(value ?? '');
  return match ? monthName.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : String(value ?? '');
}

function shiftMonth(value, delta) {
  const [year, month] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function currentMonth() {
  const parts = Object.fromEntries(parisMonth.formatToParts(new Date()).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}`;
}

/** A share of the API (0 to 1, absent when nothing was submitted) as a French percentage, "—" when absent. */
function shareText(value) {
  return typeof value === 'number' && Number.isFinite(value) ? percent.format(value) : '—';
}

/** The share as page content: "—" is read "non disponible" by screen readers. */
function shareNodes(value) {
  const text = shareText(value);
  if (text !== '—') return [text];
  return [el('span', { text, attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'fr-sr-only', text: 'non disponible' })];
}

function count(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function needs(value) {
  const n = count(value);
  return `${integer.format(n)} ${n > 1 ? 'besoins' : 'besoin'}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The form

function option(value, text) {
  return el('option', { text, attrs: { value } });
}

/** Makes sure the select offers value (one from the address or the API outside the offered months), in order. */
function ensureMonthOption(select, value) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  const node = option(value, monthLabel(value));
  // Newest first; a value that is not a month goes last.
  const before = MONTH.test(value) ? [...select.options].find((o) => MONTH.test(o.value) && o.value < value) : null;
  select.insertBefore(node, before ?? null);
}

/** A choice the address asks for that the list does not hold (an unknown region or theme): kept, for the API to judge. */
function ensureOption(select, value, text) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  select.append(option(value, text));
}

function fillMonths(now) {
  for (const id of ['from', 'to']) {
    const select = byId(id);
    select.replaceChildren(...Array.from({ length: MONTHS_OFFERED }, (_, i) => {
      const value = shiftMonth(now, -i);
      return option(value, monthLabel(value));
    }));
  }
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

const FIGURES = [
  { key: 'submitted', title: 'Besoins déposés' },
  { key: 'transmitted', share: 'transmittedShare', title: 'Transmis à un conseiller' },
  { key: 'exchange', share: 'exchangeShare', title: 'Avec un échange' },
  { key: 'helped', share: 'helpedShare', title: 'Clôturés avec une aide' },
  { key: 'takenOnWithin5Days', share: 'takenOnWithin5DaysShare', title: 'Pris en charge sous 5 jours' },
  { key: 'medianDaysToFirstTakeOn', days: true, title: 'Délai médian de première prise en charge' },
];

const COLUMNS = [
  { title: 'Besoins déposés', count: 'submitted' },
  { title: 'Part transmise à un conseiller', share: 'transmittedShare' },
  { title: 'Part avec un échange', share: 'exchangeShare' },
  { title: 'Part clôturée avec une aide', share: 'helpedShare' },
  { title: 'Part prise en charge sous 5 jours', share: 'takenOnWithin5DaysShare' },
];

const BREAKDOWNS = [
  { id: 'by-theme', field: 'byTheme', caption: 'Besoins déposés et réponse des conseillers, par thématique', header: 'Thématique' },
  { id: 'by-size', field: 'bySize', caption: 'Besoins déposés et réponse des conseillers, par taille d\'entreprise', header: 'Taille de l\'entreprise' },
  { id: 'by-sector', field: 'bySector', caption: 'Besoins déposés et réponse des conseillers, par secteur d\'activité', header: 'Secteur d\'activité' },
  { id: 'by-region', field: 'byRegion', caption: 'Besoins déposés et réponse des conseillers, par région', header: 'Région' },
  { id: 'by-source', field: 'bySource', caption: 'Besoins déposés et réponse des conseillers, par origine : le site public ou un partenaire', header: 'Origine du besoin' },
];

const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "2,5 jours", "1 jour", or "–" when no need of the period was taken on (the API gives null). */
function daysText(days) {
  if (typeof days !== 'number') return '–';
  return `${oneDecimal.format(days)} ${days >= 2 ? 'jours' : 'jour'}`;
}

function delayCard(figure, totals) {
  const days = totals[figure.key];
  return el('div', { className: 'fr-col-12 fr-col-sm-6 fr-col-lg' },
    el('div', { className: 'fr-card fr-card--sm ce-figure', attrs: { 'data-testid': `figure-${figure.key}`, 'data-days': days ?? '' } },
      el('div', { className: 'fr-card__body' },
        el('div', { className: 'fr-card__content' },
          el('h4', { className: 'fr-card__title', text: figure.title }),
          el('p', { className: 'ce-figure__value', text: daysText(days), attrs: { 'data-testid': `figure-${figure.key}-value` } }),
          el('p', {
            className: 'fr-card__desc',
            text: typeof days === 'number' ? 'entre le dépôt et la première prise en charge' : 'Aucun besoin pris en charge sur la période',
            attrs: { 'data-testid': `figure-${figure.key}-detail` },
          })))));
}

function figureCard(figure, totals) {
  if (figure.days) return delayCard(figure, totals);
  const submitted = count(totals.submitted);
  const value = count(totals[figure.key]);
  const shown = figure.share ? shareNodes(totals[figure.share]) : [integer.format(value)];
  const detail = figure.share
    ? (submitted > 0 ? `${integer.format(value)} sur ${needs(submitted)} ${submitted > 1 ? 'déposés' : 'déposé'}` : 'Aucun besoin déposé')
    : (value > 1 ? 'déposés sur la période' : 'déposé sur la période');
  return el('div', { className: 'fr-col-12 fr-col-sm-6 fr-col-lg' },
    el('div', {
      className: 'fr-card fr-card--sm ce-figure',
      attrs: {
        'data-testid': `figure-${figure.key}`,
        'data-count': value,
        'data-share': figure.share ? (totals[figure.share] ?? '') : null,
      },
    },
    el('div', { className: 'fr-card__body' },
      el('div', { className: 'fr-card__content' },
        el('h4', { className: 'fr-card__title', text: figure.title }),
        el('p', { className: 'ce-figure__value', attrs: { 'data-testid': `figure-${figure.key}-value` } }, shown),
        el('p', { className: 'fr-card__desc', text: detail, attrs: { 'data-testid': `figure-${figure.key}-detail` } })))));
}

/** The cells of one row (after its header cell). bar: the width of the decorative bar, 0 to 1, or null for none. */
function valueCells(row, bar = null) {
  return COLUMNS.map((column) => {
    if (!column.share) {
      const number = el('span', { text: integer.format(count(row[column.count])) });
      if (bar === null) return el('td', { className: 'fr-cell--right' }, number);
      const fill = el('span', { className: 'ce-bar__fill' });
      // CSSOM, not a style attribute: the CSP (style-src 'self') allows it. The bar only repeats the number.
      fill.style.width = `${Math.round(bar * 1000) / 10}%`;
      return el('td', { className: 'fr-cell--right' },
        el('span', { className: 'ce-bar-cell' }, el('span', { className: 'ce-bar', attrs: { 'aria-hidden': 'true' } }, fill), number));
    }
    return el('td', { className: 'fr-cell--right' }, shareNodes(row[column.share]));
  });
}

/**
 * A DSFR table under its heading (the caption, for screen readers, says it in full). Its scrolling container is a
 * labelled, focusable region so that keyboard users can scroll it on a narrow screen.
 */
function table(id, caption, header, rows) {
  const captionId = `${id}-caption`;
  return el('div', { className: 'fr-table fr-table--sm fr-table--no-caption ce-table', attrs: { 'data-testid': `${id}-table` } },
    el('div', { className: 'fr-table__wrapper' },
      el('div', { className: 'fr-table__container', attrs: { role: 'region', 'aria-labelledby': captionId, tabindex: '0' } },
        el('div', { className: 'fr-table__content' },
          el('table', {},
            el('caption', { id: captionId, text: caption }),
            el('thead', {},
              el('tr', {},
                el('th', { text: header, attrs: { scope: 'col' } }),
                COLUMNS.map((column) => el('th', { className: 'fr-cell--right', text: column.title, attrs: { scope: 'col' } })))),
            el('tbody', {}, rows))))));
}

function monthlyTable(view) {
  const months = Array.isArray(view.monthly) ? view.monthly : [];
  const max = Math.max(1, ...months.map((month) => count(month.submitted)));
  const rows = months.map((month) => el('tr', { attrs: { 'data-testid': 'month-row', 'data-month': month.month } },
    el('th', { text: monthLabel(month.month), attrs: { scope: 'row' } }),
    valueCells(month, count(month.submitted) / max)));
  return table('monthly', `Besoins déposés et réponse des conseillers, ${periodText(view)}`, 'Mois', rows);
}

function breakdownTable(breakdown, view) {
  const groups = Array.isArray(view[breakdown.field]) ? view[breakdown.field] : [];
  if (groups.length === 0) return null;
  const rows = groups.map((group) => el('tr', { attrs: { 'data-testid': 'breakdown-row', 'data-key': group.key } },
    el('th', { text: group.label || group.key, attrs: { scope: 'row' } }),
    valueCells(group)));
  return table(breakdown.id, breakdown.caption, breakdown.header, rows);
}

/** "de décembre 2025 à novembre 2026", or "en novembre 2026" for a single month. */
function periodText(view) {
  const from = view.from ?? '';
  const to = view.to ?? '';
  return from === to ? `en ${monthLabel(from)}` : `de ${monthLabel(from)} à ${monthLabel(to)}`;
}

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
  byId('figures').replaceChildren(...FIGURES.map((figure) => figureCard(figure, totals)));

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
  fillMonths(now);
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
