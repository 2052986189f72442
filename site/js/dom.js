// Small DOM helpers. Text always goes through textContent: nothing that comes from the API or from a person is ever
// parsed as HTML (no innerHTML anywhere in the site).

/**
 * el('p', { className: 'fr-text', text: 'Bonjour', attrs: { 'data-testid': 'x' } }, child1, child2)
 * Children may be nodes, strings (added as text) or null/false (skipped).
 */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  const { className, text, attrs, id } = options;
  if (className) node.className = className;
  if (id) node.id = id;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export const byId = (id) => document.getElementById(id);

/** Moves focus to an element that is not focusable by nature (a heading, a message), and scrolls it into view. */
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(node.tagName)) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'start', behavior: 'auto' });
}

/** Says something to screen-reader users through the page's polite live region (#annonces). */
export function announce(message) {
  const region = byId('annonces');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick, so that the same message said twice is announced twice.
  setTimeout(() => { region.textContent = message; }, 50);
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/**
 * The French way, as the emails write it (App/Email/Templates/FrenchDates): "1er décembre 2026", "2 décembre 2026"
 * (Intl writes "1 décembre"). The one date helper of the site: every page goes through formatDate / formatDateTime.
 */
function frenchDate(format, value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return format.formatToParts(date).map((part) => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value)).join('');
}

export function formatDateTime(value) {
  return frenchDate(dateTime, value);
}

export function formatDate(value) {
  return frenchDate(dateOnly, value);
}

/** A DSFR alert: type is info | success | warning | error. */
export function alertBox(type, title, description, attrs = {}) {
  return el('div', { className: `fr-alert fr-alert--${type} fr-mb-3w`, attrs },
    title ? el('h3', { className: 'fr-alert__title', text: title }) : null,
    description ? el('p', { text: description }) : null);
}
