// The catalogue of themes and subjects (GET /api/catalog).
import { api } from './api.js';
import { el } from './dom.js';

/** Resolves to { themes } or null when the API cannot answer. */
export async function loadCatalog() {
  const result = await api('/api/catalog');
  return result.status === 200 && Array.isArray(result.data?.themes) ? result.data : null;
}

/**
 * The catalogue's subjects as a select's options grouped by theme, after an empty "Choisissez un sujet";
 * `except` leaves one subject out (the need's own, when choosing another).
 */
export function subjectOptions(catalog, { except } = {}) {
  return [el('option', { text: 'Choisissez un sujet', attrs: { value: '' } }),
    ...catalog.themes.map((theme) => el('optgroup', { attrs: { label: theme.label } },
      theme.subjects.filter((subject) => subject.id !== except)
        .map((subject) => el('option', { text: subject.label, attrs: { value: subject.id } }))))];
}

/** Fills a select with the catalogue's subjects; resolves to false (and says so in the select) when it cannot be loaded. */
export async function fillSubjectSelect(select) {
  const catalog = await loadCatalog();
  if (!catalog) {
    select.replaceChildren(el('option', { text: 'Les sujets ne peuvent pas être chargés', attrs: { value: '' } }));
    return false;
  }
  select.replaceChildren(...subjectOptions(catalog));
  return true;
}

/** The subject and its theme, or null. */
export function findSubject(catalog, subjectId) {
  for (const theme of catalog?.themes ?? []) {
    const subject = theme.subjects.find((s) => s.id === subjectId);
    if (subject) return { theme, subject };
  }
  return null;
}

const GENERIC_IDS = new Set(['autre', 'autres', 'autre-besoin', 'autres-besoins', 'autre-sujet', 'besoin-autre', 'hors-catalogue', 'divers']);

/** The catalogue's subject for needs outside it ("Autre besoin"…), if it has one. */
export function genericSubject(catalog) {
  for (const theme of catalog?.themes ?? []) {
    for (const subject of theme.subjects) {
      if (GENERIC_IDS.has(subject.id) || /^autres?\b/i.test(subject.label)) return { theme, subject };
    }
  }
  return null;
}

export function formUrl(subjectId) {
  return `/demande.html?sujet=${encodeURIComponent(subjectId)}`;
}
