// The operators' block list (GET|PUT /api/admin/blocklist {"emails":[],"domains":[]}): two textareas, one entry per
// line. The API is the judge: a 400 names each bad entry by its place (emails[i], domains[i]), which is the line i+1
// of its textarea since every line is sent, blank ones included (the API ignores them); nothing is saved then.
import { api, problemText } from './api.js';
import { el, byId, focusOn, announce } from './dom.js';
import { setFieldError, clearFieldError } from './forms.js';
import { operatorSession } from './operateur-besoin.js';

let authFailure = () => false;
let loaded = false;

const FIELDS = { emails: 'blocklist-emails', domains: 'blocklist-domains' };

const lines = (id) => byId(id).value.split('\n');

function show(list) {
  byId('blocklist-emails').value = (list.emails ?? []).join('\n');
  byId('blocklist-domains').value = (list.domains ?? []).join('\n');
}

function result(type, text, testId, items = []) {
  const box = byId('blocklist-result');
  box.replaceChildren(el('div', { className: `fr-alert fr-alert--${type} fr-alert--sm`, attrs: { 'data-testid': testId } },
    el('p', { text }),
    items.length ? el('ul', {}, items.map((item) => el('li', { text: item, attrs: { 'data-testid': 'blocklist-problem' } }))) : null));
  box.hidden = false;
  focusOn(box);
  announce(text);
}

/** Reads the saved list once the home view shows (signed in). */
export async function loadBlocklist() {
  if (loaded || !operatorSession.token) return;
  const answer = await api('/api/admin/blocklist', { token: operatorSession.token });
  if (authFailure(answer)) return;
  if (answer.status === 200 && answer.data) {
    loaded = true;
    show(answer.data);
  }
}

const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

export function setUpBlocklist({ onAuthFailure }) {
  authFailure = onAuthFailure;
  byId('blocklist-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(FIELDS).forEach(clearFieldError);
    byId('blocklist-result').hidden = true;
    const answer = await api('/api/admin/blocklist', {
      method: 'PUT', token: operatorSession.token,
      body: { emails: lines(FIELDS.emails), domains: lines(FIELDS.domains) },
    });
    if (authFailure(answer)) return;
    if (answer.status === 200 && answer.data) {
      loaded = true;
      show(answer.data);
      const { emails = [], domains = [] } = answer.data;
      result('success', `Liste enregistrée : ${plural(emails.length, 'adresse', 'adresses')} et ${plural(domains.length, 'domaine', 'domaines')}.`, 'blocklist-saved');
      return;
    }
    if (answer.status === 400 && answer.data?.errors) {
      const byField = { emails: [], domains: [] };
      const items = [];
      for (const [key, messages] of Object.entries(answer.data.errors)) {
        const match = /^(emails|domains)(?:\[(\d+)\])?$/.exec(key);
        const field = match?.[1] ?? 'emails';
        const where = match?.[2] !== undefined ? `Ligne ${Number(match[2]) + 1} : ` : '';
        byField[field].push(...messages.map((m) => `${where}${m}`));
        items.push(...messages.map((m) => `${field === 'emails' ? 'Adresses' : 'Domaines'}, ${where.toLowerCase()}${m}`));
      }
      for (const [field, messages] of Object.entries(byField)) {
        if (messages.length) setFieldError(FIELDS[field], messages);
      }
      result('error', `${plural(items.length, 'entrée à corriger', 'entrées à corriger')} : rien n'a été enregistré.`, 'blocklist-problems', items);
      return;
    }
    result('error', problemText(answer, 'La liste n\'a pas pu être enregistrée. Réessayez dans quelques instants.'), 'blocklist-error');
  });
}
