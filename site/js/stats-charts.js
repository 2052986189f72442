// The statistics page's charts: the monthly series drawn as SVG built with DOM APIs (no library, no innerHTML, no style
// attribute: the CSP forbids them; colours and dashes come from site.css classes). Each chart is a <figure> whose <svg>
// is role="img" named by its <title> and described by its <desc> (the figures in words); the data table follows it,
// so the exact numbers stay readable by everyone.
import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };
const integer = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The shares drawn as lines, each with its own dash so that colour is never the only difference. */
export const SHARE_SERIES = [
  { key: 'transmittedShare', label: 'Transmis à un conseiller', className: 'ce-chart__line--transmitted' },
  { key: 'exchangeShare', label: 'Avec un échange', className: 'ce-chart__line--exchange' },
  { key: 'helpedShare', label: 'Clôturés avec une aide', className: 'ce-chart__line--helped' },
  { key: 'takenOnWithin5DaysShare', label: 'Pris en charge sous 5 jours', className: 'ce-chart__line--within5' },
];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function svgText(x, y, text, className) {
  const node = svg('text', { x, y, class: className });
  node.textContent = text;
  return node;
}

function monthDate(value) {
  const [year, month] = String(value).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1));
}

const number = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The frame of a chart: its title and description first (they name the image), the horizontal grid and month labels. */
function frame(id, title, description, months, ticks) {
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, months.length);
  const titleNode = svg('title', { id: `${id}-chart-title` });
  titleNode.textContent = title;
  const descNode = svg('desc', { id: `${id}-chart-desc` });
  descNode.textContent = description;
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-labelledby': `${id}-chart-title ${id}-chart-desc`,
    class: 'ce-chart__svg',
    'data-testid': `${id}-chart`,
  }, titleNode, descNode);
  for (const tick of ticks) {
    const y = MARGIN.top + plotHeight * (1 - tick.at);
    root.append(
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: 'ce-chart__grid' }),
      svgText(MARGIN.left - 8, y + 4, tick.label, 'ce-chart__tick ce-chart__tick--y'));
  }
  months.forEach((month, i) => {
    const date = monthDate(month.month);
    const label = months.length > 12 && i % 3 !== 0 ? '' : shortMonth.format(date).replace('.', '');
    if (label) root.append(svgText(MARGIN.left + step * (i + 0.5), HEIGHT - MARGIN.bottom + 18, label, 'ce-chart__tick ce-chart__tick--x'));
  });
  return { root, plotHeight, step };
}

function figure(id, caption, root) {
  return el('figure', { className: 'ce-chart fr-mb-3w', attrs: { 'data-testid': `${id}-figure` } },
    root,
    el('figcaption', { className: 'fr-text--sm fr-mt-1w', text: caption }));
}

/** Needs submitted per month, as bars. */
export function needsChart(id, months, periodText) {
  const counts = months.map((m) => number(m.submitted) ?? 0);
  const max = Math.max(1, ...counts);
  const top = niceCeiling(max);
  const ticks = [0, 0.5, 1].map((at) => ({ at, label: integer.format(Math.round(top * at)) }));
  const busiest = months[counts.indexOf(Math.max(...counts))];
  const total = counts.reduce((a, b) => a + b, 0);
  const description = months.length === 0 ? 'Aucun mois.'
    : `${integer.format(total)} besoins déposés ${periodText} ; le plus : ${integer.format(Math.max(...counts))} en ${longMonth.format(monthDate(busiest.month))}. `
      + months.map((m, i) => `${longMonth.format(monthDate(m.month))} : ${integer.format(counts[i])}`).join(' ; ') + '.';
  const { root, plotHeight, step } = frame(id, `Besoins déposés chaque mois, ${periodText}`, description, months, ticks);
  counts.forEach((value, i) => {
    const height = plotHeight * (value / top);
    root.append(svg('rect', {
      x: MARGIN.left + step * i + step * 0.15,
      y: MARGIN.top + plotHeight - height,
      width: step * 0.7,
      height,
      class: 'ce-chart__bar',
      'data-month': months[i].month,
    }));
  });
  return figure(id, 'Graphique : besoins déposés par mois. Les chiffres exacts sont dans le tableau qui suit.', root);
}

/** The four shares per month, as lines from 0 to 100 % (a month without any need has no point). */
export function sharesChart(id, months, periodText) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, label: percent.format(at) }));
  const description = SHARE_SERIES.map((series) => {
    const values = months.map((m) => number(m[series.key]));
    const known = values.filter((v) => v !== null);
    if (known.length === 0) return `${series.label} : non disponible`;
    const last = months[values.map((v) => v !== null).lastIndexOf(true)];
    return `${series.label} : de ${percent.format(Math.min(...known))} à ${percent.format(Math.max(...known))}, ${percent.format(number(last[series.key]))} en ${longMonth.format(monthDate(last.month))}`;
  }).join(' ; ') + '.';
  const { root, plotHeight, step } = frame(id, `Réponse des conseillers chaque mois, en part des besoins déposés, ${periodText}`, description, months, ticks);
  for (const series of SHARE_SERIES) {
    const points = months
      .map((m, i) => [number(m[series.key]), i])
      .filter(([value]) => value !== null)
      .map(([value, i]) => [MARGIN.left + step * (i + 0.5), MARGIN.top + plotHeight * (1 - value)]);
    if (points.length === 0) continue;
    root.append(svg('polyline', {
      points: points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
      class: `ce-chart__line ${series.className}`,
      'data-series': series.key,
    }));
    for (const [x, y] of points) root.append(svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: `ce-chart__point ${series.className}` }));
  }
  const legend = el('ul', { className: 'ce-chart__legend', attrs: { 'aria-hidden': 'true' } },
    SHARE_SERIES.map((series) => el('li', {},
      svg('svg', { viewBox: '0 0 32 8', class: 'ce-chart__key' }, svg('line', { x1: 0, x2: 32, y1: 4, y2: 4, class: `ce-chart__line ${series.className}` })),
      series.label)));
  const node = figure(id, 'Graphique : part des besoins transmis, avec un échange, clôturés avec une aide et pris en charge sous 5 jours, par mois. Les chiffres exacts sont dans le tableau qui suit.', root);
  node.insertBefore(legend, node.querySelector('figcaption'));
  return node;
}

/** 1, 2, 5 × 10^n just above the maximum, so that the axis reads round numbers. */
function niceCeiling(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}
