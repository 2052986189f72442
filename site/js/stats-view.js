// The statistics' views shared by the public statistics page and the antenna managers' page (same JSON, from
// /api/stats and /api/manager/stats): key figure cards, the tables of a series or a breakdown, month labels and the
// month selects. Pure builders: they return nodes, text only through textContent; the pages place them.
import { el } from './dom.js';

const integer = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const parisMonth = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' });

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-11" → "novembre 2026"; anything else as it is. */
export function monthLabel(value) {
  const match = MONTH.exec(value ?? '');
  return match ? monthName.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : String(value ?? '');
}

export function shiftMonth(value, delta) {
  const [year, month] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function currentMonth() {
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

export function count(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function needs(value) {
  const n = count(value);
  return `${integer.format(n)} ${n > 1 ? 'besoins' : 'besoin'}`;
}

export function option(value, text) {
  return el('option', { text, attrs: { value } });
}

/** Fills each select with the last `count` months, newest first, ending with `now` ("YYYY-MM"). */
export function fillMonthSelects(selects, now, count) {
  for (const select of selects) {
    select.replaceChildren(...Array.from({ length: count }, (_, i) => {
      const value = shiftMonth(now, -i);
      return option(value, monthLabel(value));
    }));
  }
}

/** Makes sure the select offers value (one from the address or the API outside the offered months), in order. */
export function ensureMonthOption(select, value) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  const node = option(value, monthLabel(value));
  // Newest first; a value that is not a month goes last.
  const before = MONTH.test(value) ? [...select.options].find((o) => MONTH.test(o.value) && o.value < value) : null;
  select.insertBefore(node, before ?? null);
}

/** The key figures, in page order: a count (and its share of the needs submitted), or a delay in days. */
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

export function monthlyTable(view, id = 'monthly') {
  const months = Array.isArray(view.monthly) ? view.monthly : [];
  const max = Math.max(1, ...months.map((month) => count(month.submitted)));
  const rows = months.map((month) => el('tr', { attrs: { 'data-testid': 'month-row', 'data-month': month.month } },
    el('th', { text: monthLabel(month.month), attrs: { scope: 'row' } }),
    valueCells(month, count(month.submitted) / max)));
  return table(id, `Besoins déposés et réponse des conseillers, ${periodText(view)}`, 'Mois', rows);
}

export function breakdownTable(breakdown, view) {
  const groups = Array.isArray(view[breakdown.field]) ? view[breakdown.field] : [];
  if (groups.length === 0) return null;
  const rows = groups.map((group) => el('tr', { attrs: { 'data-testid': 'breakdown-row', 'data-key': group.key } },
    el('th', { text: group.label || group.key, attrs: { scope: 'row' } }),
    valueCells(group)));
  return table(breakdown.id, breakdown.caption, breakdown.header, rows);
}

/** "de décembre 2025 à novembre 2026", or "en novembre 2026" for a single month. */
export function periodText(view) {
  const from = view.from ?? '';
  const to = view.to ?? '';
  return from === to ? `en ${monthLabel(from)}` : `de ${monthLabel(from)} à ${monthLabel(to)}`;
}

/** The key figures' cards, for a DSFR grid row (their titles are h4: the page puts them under an h3). */
export function figureCards(totals) {
  return FIGURES.map((figure) => figureCard(figure, totals ?? {}));
}
