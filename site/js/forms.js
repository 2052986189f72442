// Field errors the DSFR way: the group gets its error modifier, the message goes in the group's messages area
// (referenced by the control's aria-describedby), and an error summary lists every error with a link to its field.
import { el, focusOn } from './dom.js';

const ERROR_CLASSES = [
  ['fr-input-group', 'fr-input-group--error'],
  ['fr-select-group', 'fr-select-group--error'],
  ['fr-checkbox-group', 'fr-checkbox-group--error'],
  ['fr-fieldset', 'fr-fieldset--error'],
  ['fr-upload-group', 'fr-upload-group--error'],
];

function groupOf(field) {
  return document.querySelector(`[data-field-group="${CSS.escape(field)}"]`);
}

function errorClass(group) {
  return ERROR_CLASSES.find(([base]) => group.classList.contains(base))?.[1];
}

/** The control to focus for a field: the element with that id, or the first input of a fieldset. */
export function controlOf(field) {
  const node = document.getElementById(field);
  if (node && node.tagName === 'FIELDSET') return node.querySelector('input, select, textarea, button');
  return node;
}

export function setFieldError(field, messages) {
  const group = groupOf(field);
  const area = document.getElementById(`${field}-messages`);
  if (!group || !area) return false;
  group.classList.add(errorClass(group));
  area.replaceChildren(...[].concat(messages).map((message, i) =>
    el('p', { className: 'fr-message fr-message--error', id: `${field}-message-error-${i}`, text: message })));
  const control = document.getElementById(field);
  if (control && control.tagName !== 'FIELDSET') control.setAttribute('aria-invalid', 'true');
  return true;
}

export function clearFieldError(field) {
  const group = groupOf(field);
  if (group) group.classList.remove(errorClass(group));
  document.getElementById(`${field}-messages`)?.replaceChildren();
  document.getElementById(field)?.removeAttribute('aria-invalid');
}

export function clearAllErrors(root = document) {
  for (const group of root.querySelectorAll('[data-field-group]')) clearFieldError(group.dataset.fieldGroup);
}

/**
 * Fills the error summary (an element with data-testid="error-summary") with one link per error, shows it and
 * moves focus to it. errors: [{ field, label, message }] — field null for an error that belongs to no field.
 * reveal(field), when given, is called before focusing a field from its link (e.g. to show the step holding it).
 */
export function showErrorSummary(summary, errors, { title, reveal } = {}) {
  const list = el('ul', { className: 'fr-mb-0' });
  for (const error of errors) {
    const text = error.label ? `${error.label} : ${error.message}` : error.message;
    if (error.field && controlOf(error.field)) {
      const link = el('a', { text, attrs: { href: `#${error.field}` } });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        reveal?.(error.field);
        const control = controlOf(error.field);
        control?.focus();
        control?.scrollIntoView({ block: 'center' });
      });
      list.append(el('li', {}, link));
    } else {
      list.append(el('li', { text }));
    }
  }
  const heading = el('h2', { className: 'fr-alert__title', id: `${summary.id}-title`, text: title
    ?? (errors.length > 1 ? `Le formulaire contient ${errors.length} erreurs` : 'Le formulaire contient une erreur') });
  summary.replaceChildren(heading, list);
  summary.className = 'fr-alert fr-alert--error fr-mb-4w';
  summary.hidden = false;
  focusOn(summary);
}

export function hideErrorSummary(summary) {
  summary.hidden = true;
  summary.replaceChildren();
}

/**
 * A 400 of the API next to the page's fields: fields maps each API error key (case-insensitive) to a field id, in
 * page order. Returns the first field in error in that order (null if none) and the messages no field shows, for
 * an alert. Focus is the caller's choice: focus controlOf(first).
 */
export function showFieldErrors(problem, fields) {
  const byField = new Map();
  const others = [];
  const keys = Object.keys(fields);
  for (const { field, message } of validationErrors(problem)) {
    const key = keys.find((k) => k.toLowerCase() === (field ?? '').toLowerCase());
    if (key) byField.set(fields[key], [...(byField.get(fields[key]) ?? []), message]);
    else others.push(message);
  }
  const shown = [...byField].filter(([field, messages]) => setFieldError(field, messages)).map(([field]) => field);
  for (const [field, messages] of byField) if (!shown.includes(field)) others.push(...messages);
  return { first: Object.values(fields).find((field) => shown.includes(field)) ?? null, others };
}

/** Turns a ValidationProblemDetails `errors` object into [{ field, message }] (one entry per message). */
export function validationErrors(problem) {
  const entries = Object.entries(problem?.errors ?? {});
  return entries.flatMap(([key, messages]) => [].concat(messages).map((message) => ({
    field: key.replace(/^\$\.?/, '') || null,
    message,
  })));
}
