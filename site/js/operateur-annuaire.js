// The directory tools of the operators' space: downloads (the Bearer header rules out a plain link: the file is
// fetched, then saved through a Blob and an object URL) and the CSV import of the advisors or the antennas (PUT, body = the file).
import { API_BASE } from './config.js';
import { el, byId, focusOn, announce } from './dom.js';
import { setFieldError, clearFieldError } from './forms.js';
import { operatorSession } from './operateur-besoin.js';

let authFailure = () => false;

async function request(path, { method = 'GET', body, contentType } = {}) {
  const headers = { authorization: `Bearer ${operatorSession.token}` };
  if (contentType) headers['content-type'] = contentType;
  try {
    const response = await fetch(API_BASE + path, { method, headers, body, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
    const blob = await response.blob();
    let data = null;
    if ((response.headers.get('content-type') ?? '').includes('json') && !response.ok) {
      try { data = JSON.parse(await blob.text()); } catch { data = null; }
    }
    return { status: response.status, blob, data };
  } catch {
    return { status: 0, blob: null, data: null };
  }
}

function problem(result, fallback) {
  if (result.status === 0) return 'Le service ne répond pas : vérifiez votre connexion à internet, puis réessayez.';
  return result.data?.detail || result.data?.title || fallback;
}

async function download(path, fileName, label) {
  const status = byId('download-status');
  status.replaceChildren(el('p', { className: 'fr-hint-text', text: `Préparation du fichier « ${fileName} »…` }));
  const result = await request(path);
  if (authFailure(result)) return;
  if (result.status !== 200 || !result.blob) {
    status.replaceChildren(el('div', { className: 'fr-alert fr-alert--error fr-alert--sm', attrs: { 'data-testid': 'download-problem' } },
      el('p', { text: problem(result, `${label} n'a pas pu être téléchargé.`) })));
    return;
  }
  const url = URL.createObjectURL(result.blob);
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status.replaceChildren(el('p', { className: 'fr-hint-text', text: `${label} est téléchargé (« ${fileName} »).`, attrs: { 'data-testid': 'download-done' } }));
}

const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

// The two sheets an import may replace (the radio "Fichier à importer").
const KINDS = {
  advisors: { path: '/api/admin/directory/advisors.csv', of: 'des conseillers', saved: 'Les conseillers sont enregistrés', notSaved: 'Les conseillers n\'ont pas été enregistrés' },
  antennas: { path: '/api/admin/directory/antennas.csv', of: 'des antennes', saved: 'Les antennes sont enregistrées', notSaved: 'Les antennes n\'ont pas été enregistrées' },
};

async function importCsv(event) {
  event.preventDefault();
  const input = byId('import-file');
  const out = byId('import-result');
  clearFieldError('import-file');
  out.hidden = true;
  const file = input.files?.[0];
  const kind = KINDS[document.querySelector('input[name="import-kind"]:checked')?.value] ?? KINDS.advisors;
  if (!file) {
    setFieldError('import-file', `Choisissez le fichier CSV ${kind.of}`);
    input.focus();
    return;
  }
  const button = byId('import-submit');
  button.disabled = true;
  const result = await request(kind.path, { method: 'PUT', body: file, contentType: 'text/csv' });
  button.disabled = false;
  if (authFailure(result)) return;
  if (result.status === 200) {
    let counts = null;
    try { counts = JSON.parse(await result.blob.text()); } catch { counts = null; }
    out.replaceChildren(el('div', { className: 'fr-alert fr-alert--success', attrs: { 'data-testid': 'import-success' } },
      el('h3', { className: 'fr-alert__title', text: kind.saved }),
      el('p', { text: counts
        ? `L'annuaire compte maintenant ${plural(counts.advisors, 'conseiller', 'conseillers')}, ${plural(counts.antennas, 'antenne', 'antennes')}, ${plural(counts.institutions, 'institution', 'institutions')} et ${plural(counts.subjects, 'sujet', 'sujets')} (version ${counts.version}).`
        : 'Le fichier a été importé.' })));
    announce(`${kind.saved}.`);
  } else if (result.status === 400 && result.data?.errors) {
    // Every problem of the file at once, in the file's order: "ligne 3, colonne email : …" (the API's keys).
    const entries = Object.entries(result.data.errors).flatMap(([path, messages]) => [].concat(messages).map((message) => ({ path, message })));
    const place = (path) => (path === 'annuaire' ? 'Annuaire' : path.charAt(0).toUpperCase() + path.slice(1));
    out.replaceChildren(el('div', { className: 'fr-alert fr-alert--error', attrs: { 'data-testid': 'import-problems' } },
      el('h3', { className: 'fr-alert__title', text: kind.notSaved }),
      el('p', { attrs: { 'data-testid': 'import-problem-count' }, text: `${plural(entries.length, 'problème', 'problèmes')} à corriger dans le fichier « ${file.name} » ; rien n'a été enregistré.` }),
      el('ul', {}, entries.map((e) => el('li', { attrs: { 'data-testid': 'import-problem', 'data-path': e.path } },
        e.path && e.path !== '$' ? el('strong', { text: `${place(e.path)} : ` }) : null, e.message)))));
    announce(`${plural(entries.length, 'problème', 'problèmes')} à corriger dans le fichier.`);
  } else {
    out.replaceChildren(el('div', { className: 'fr-alert fr-alert--error', attrs: { 'data-testid': 'import-error' } },
      el('p', { text: problem(result, 'Le fichier n\'a pas pu être importé. Réessayez dans quelques instants.') })));
  }
  out.hidden = false;
  focusOn(out);
}

export function setUpDirectory({ onAuthFailure }) {
  authFailure = onAuthFailure;
  byId('download-csv').addEventListener('click', () => download('/api/admin/directory/advisors.csv', 'conseillers.csv', 'Le fichier des conseillers'));
  byId('download-antennas-csv').addEventListener('click', () => download('/api/admin/directory/antennas.csv', 'antennes.csv', 'Le fichier des antennes'));
  byId('download-json').addEventListener('click', () => download('/api/admin/directory/', 'annuaire.json', 'L\'annuaire'));
  byId('import-form').addEventListener('submit', importCsv);
}
