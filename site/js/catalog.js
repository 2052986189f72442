// The catalogue of themes and subjects (GET /api/catalog).
import { api } from './api.js';

/** Resolves to { themes } or null when the API cannot answer. */
export async function loadCatalog() {
  const result = await api('/api/catalog');
  return result.status === 200 && Array.isArray(result.data?.themes) ? result.data : null;
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
