// "Décrivez votre besoin en quelques mots" on the home page: as the person types, the catalogue's subjects that fit
// (GET /api/subjects/suggest, debounced) are listed under the field as links, best first; choosing one opens its
// form with the words as the start of the description (need-words.js). The suggestions are a plain list of links
// rather than a popup listbox: Tab reaches them, every screen reader reads them, nothing moves the focus while the
// person types; a polite live region says how many there are. When none fits, the form outside the catalogue is
// proposed; the themes stay below for those who prefer to browse. Text only through textContent.
import { api } from './api.js';
import { el, byId, focusOn } from './dom.js';
import { formUrl } from './catalog.js';
import { keepWords } from './need-words.js';

/** Wait this long after the last key before asking: one request per pause, not per key. */
const DEBOUNCE_MS = 250;
/** Fewer letters than this say nothing yet (and "tva" is three). */
const MIN_LETTERS = 3;

const input = byId('need-words');
const list = byId('suggestions');
const status = byId('suggestions-status');
const outside = byId('suggestions-outside');
let timer = null;
let sequence = 0;
/** The catalogue's own subject for needs outside it (home.js sets it when there is one); null: /autre-besoin.html. */
let outsideSubjectId = null;

function words() {
  return input.value.replace(/\s+/g, ' ').trim();
}

function say(text) {
  // Replaced, not appended: the live region reads the last state only.
  status.textContent = text;
}

function suggestionItem(suggestion) {
  const link = el('a', {
    className: 'fr-link ce-suggestion__link',
    text: suggestion.label,
    attrs: { href: formUrl(suggestion.subjectId), 'data-testid': 'suggestion', 'data-subject-id': suggestion.subjectId },
  });
  link.addEventListener('click', () => keepWords(suggestion.subjectId, words()));
  return el('li', { className: 'ce-suggestion' }, link,
    suggestion.themeLabel ? el('span', { className: 'fr-hint-text', text: suggestion.themeLabel }) : null);
}

function show(suggestions) {
  list.replaceChildren(...suggestions.map(suggestionItem));
  list.hidden = suggestions.length === 0;
  outside.hidden = false;
  byId('suggestions-none').hidden = suggestions.length > 0;
  say(suggestions.length === 0
    ? 'Aucun sujet ne correspond à ces mots. Vous pouvez déposer votre besoin tel quel.'
    : `${suggestions.length} ${suggestions.length > 1 ? 'sujets proposés' : 'sujet proposé'}, du plus proche au moins proche.`);
}

function clear() {
  list.replaceChildren();
  list.hidden = true;
  outside.hidden = true;
  byId('suggestions-none').hidden = true;
  say('');
}

async function suggest() {
  const text = words();
  const mine = ++sequence;
  if (text.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_LETTERS) {
    clear();
    return null;
  }
  const result = await api(`/api/subjects/suggest?q=${encodeURIComponent(text)}`);
  if (mine !== sequence) return null; // the person typed on: a later answer wins
  if (result.status === 200 && Array.isArray(result.data)) {
    show(result.data.filter((s) => s && s.subjectId && s.label));
    return result.data.length;
  }
  // No suggestion service (down, too many requests, words refused): the themes below still work.
  list.replaceChildren();
  list.hidden = true;
  outside.hidden = false;
  byId('suggestions-none').hidden = true;
  say(result.status === 429
    ? 'Trop de recherches en peu de temps : choisissez votre sujet parmi les thématiques ci-dessous.'
    : 'Les sujets ne peuvent pas être proposés pour le moment : choisissez le vôtre parmi les thématiques ci-dessous.');
  return null;
}

input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(suggest, DEBOUNCE_MS);
});

// Enter (or the button) asks at once and brings the person to the first suggestion, or to the way out.
byId('suggest-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const found = await suggest();
  const first = list.querySelector('a');
  if (found && first) first.focus();
  else if (!outside.hidden) focusOn(byId('suggestions-outside-link'));
});

byId('suggestions-outside-link').addEventListener('click', () => keepWords(outsideSubjectId, words()));

/** The catalogue's own subject for needs outside it, when it has one (its form rather than /autre-besoin.html). */
export function setOutsideSubject(subjectId) {
  outsideSubjectId = subjectId;
  byId('suggestions-outside-link').href = formUrl(subjectId);
}
