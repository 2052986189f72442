// The words a company head typed on the home page ("Décrivez votre besoin en quelques mots"), carried to the form of
// the subject it chose, where they start the description. Kept for the tab only (sessionStorage), never in the
// address: they may say something personal, and addresses end up in logs and histories.
const KEY = 'ce.accueil.mots';

/** subjectId: the subject chosen, or null for the form outside the catalogue. */
export function keepWords(subjectId, words) {
  sessionStorage.setItem(KEY, JSON.stringify({ subjectId: subjectId ?? null, words }));
}

/** The words kept for this form (once: they are removed), or null. */
export function takeWords(subjectId) {
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEY));
  } catch { /* broken: ignored */ }
  if (!kept || (kept.subjectId ?? null) !== (subjectId ?? null) || typeof kept.words !== 'string') return null;
  sessionStorage.removeItem(KEY);
  return kept.words.trim() || null;
}
