// Builds functions/Core/Geography/Data/communes.tsv from the npm package @etalab/decoupage-administratif.
// Usage: cd tools/geography && npm ci && node build.mjs
// Node 20+, no dependency other than the data package. The output is deterministic (no date in it), so
// running the script twice on the same package version gives the same file and an empty diff.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, '..', '..', 'functions', 'Core', 'Geography', 'Data', 'communes.tsv');

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
const load = (name) => JSON.parse(readFileSync(join(packageDir, name), 'utf8'));

const pkg = load('package.json');
const communes = load('data/communes.json');
const epcis = load('data/epci.json');
const departements = load('data/departements.json');
const regions = load('data/regions.json');

// Metropolitan France and the five DROM. The collectivités d'outre-mer (zone "com": Saint-Pierre-et-Miquelon,
// Saint-Barthélemy, Saint-Martin, TAAF, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie, Clipperton) are
// neither départements nor régions and have no EPCI: they are left out.
const ZONES = new Set(['metro', 'drom']);

const fail = (message) => {
  console.error(`build.mjs: ${message}`);
  process.exit(1);
};

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// Refuses anything that would break the tab/line format.
const cell = (value, what) => {
  const text = value == null ? '' : String(value);
  if (/[\t\r\n]/.test(text)) fail(`${what}: tab or line break in ${JSON.stringify(text)}`);
  return text;
};

const keptRegions = regions.filter((r) => ZONES.has(r.zone)).sort(byCode);
const regionCodes = new Set(keptRegions.map((r) => r.code));

const keptDepartements = departements.filter((d) => ZONES.has(d.zone)).sort(byCode);
for (const d of keptDepartements) {
  if (!regionCodes.has(d.region)) fail(`département ${d.code}: unknown région ${d.region}`);
}
const departementCodes = new Set(keptDepartements.map((d) => d.code));

const current = communes.filter((c) => c.type === 'commune-actuelle' && ZONES.has(c.zone)).sort(byCode);
const currentCodes = new Set(current.map((c) => c.code));
if (currentCodes.size !== current.length) fail('duplicate current commune codes');

// The commune data has no EPCI field: membership comes from the EPCI member lists.
const epciOfCommune = new Map();
const keptEpcis = [...epcis].sort(byCode);
for (const e of keptEpcis) {
  for (const member of e.membres) {
    if (!currentCodes.has(member.code)) fail(`EPCI ${e.code}: member ${member.code} is not a current commune in scope`);
    if (epciOfCommune.has(member.code)) fail(`commune ${member.code} belongs to two EPCI`);
    epciOfCommune.set(member.code, e.code);
  }
}

const communeLines = current.map((c) => {
  if (!departementCodes.has(c.departement)) fail(`commune ${c.code}: unknown département ${c.departement}`);
  if (!regionCodes.has(c.region)) fail(`commune ${c.code}: unknown région ${c.region}`);
  const postalCodes = [...new Set(c.codesPostaux ?? [])].sort();
  for (const p of postalCodes) if (!/^\d{5}$/.test(p)) fail(`commune ${c.code}: odd postal code ${p}`);
  return [c.code, c.nom, postalCodes.join(','), epciOfCommune.get(c.code) ?? '', c.departement, c.region]
    .map((v) => cell(v, `commune ${c.code}`))
    .join('\t');
});

// Aliases: codes that are not current communes but resolve to one. When the same code shows up more than
// once, the first kind in this order wins; a code that is itself a current commune is never an alias
// (e.g. the commune déléguée that keeps the code of its commune nouvelle).
const ALIAS_KINDS = ['arrondissement-municipal', 'commune-deleguee', 'commune-associee', 'ancien-code'];
const aliases = new Map();
const notes = [];
const addAlias = (code, parent, kind, name) => {
  if (currentCodes.has(code)) return;
  if (!currentCodes.has(parent)) fail(`alias ${code} (${kind}): parent ${parent} is not a current commune in scope`);
  const existing = aliases.get(code);
  if (existing) {
    if (existing.kind === kind && existing.parent !== parent) fail(`alias ${code} (${kind}): both ${existing.parent} and ${parent}`);
    const [kept, dropped] = ALIAS_KINDS.indexOf(existing.kind) <= ALIAS_KINDS.indexOf(kind)
      ? [existing, { code, parent, kind }]
      : [{ code, parent, kind }, existing];
    if (kept.parent !== dropped.parent) {
      notes.push(`alias ${code}: kept ${kept.kind} -> ${kept.parent}, dropped ${dropped.kind} -> ${dropped.parent}`);
    }
    if (kept === existing) return;
  }
  aliases.set(code, { code, parent, kind, name });
};
for (const c of communes) {
  if (!ZONES.has(c.zone)) continue;
  if (c.type === 'arrondissement-municipal') addAlias(c.code, c.commune, c.type, c.nom);
  else if (c.type === 'commune-deleguee' || c.type === 'commune-associee') addAlias(c.code, c.chefLieu, c.type, c.nom);
}
// Former codes of merged communes (no name in the data): lets stale codes from older sources still resolve.
for (const c of current) {
  for (const old of c.anciensCodes ?? []) addAlias(old, c.code, 'ancien-code', '');
}
// No trailing empty cell (ancien-code has no name): keeps lines free of trailing whitespace.
const aliasLines = [...aliases.values()].sort(byCode).map((a) =>
  [a.code, a.parent, a.kind, ...(a.name ? [a.name] : [])].map((v) => cell(v, `alias ${a.code}`)).join('\t'));

const aliasCounts = Object.fromEntries(ALIAS_KINDS.map((k) => [k, 0]));
for (const a of aliases.values()) aliasCounts[a.kind] += 1;

const lines = [
  `# communes.tsv: French administrative split for ConseillersEntreprises.Core.Geography.TerritoryIndex.`,
  `# source: npm ${pkg.name} ${pkg.version}; generated by tools/geography/build.mjs. Do not edit by hand.`,
  `# scope: metropolitan France and the DROM (collectivités d'outre-mer left out).`,
  `# format: UTF-8, LF, tab-separated; '#' starts a comment line; '[name]' starts a section. Columns:`,
  `#   [regions]      code, name`,
  `#   [departements] code, name, région code`,
  `#   [epci]         SIREN, name`,
  `#   [communes]     INSEE code, name, postal codes (comma-separated), EPCI SIREN (empty if none), département, région`,
  `#   [aliases]      code, current commune code it resolves to, kind (${ALIAS_KINDS.join('|')}), name (absent for ancien-code)`,
  `# counts: regions=${keptRegions.length} departements=${keptDepartements.length} epci=${keptEpcis.length}` +
    ` communes=${current.length} aliases=${aliases.size}`,
  '[regions]',
  ...keptRegions.map((r) => [r.code, r.nom].map((v) => cell(v, `région ${r.code}`)).join('\t')),
  '[departements]',
  ...keptDepartements.map((d) => [d.code, d.nom, d.region].map((v) => cell(v, `département ${d.code}`)).join('\t')),
  '[epci]',
  ...keptEpcis.map((e) => [e.code, e.nom].map((v) => cell(v, `EPCI ${e.code}`)).join('\t')),
  '[communes]',
  ...communeLines,
  '[aliases]',
  ...aliasLines,
];

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, lines.join('\n') + '\n', 'utf8');

const withoutEpci = current.filter((c) => !epciOfCommune.has(c.code)).map((c) => `${c.code} ${c.nom}`);
console.log(`${pkg.name} ${pkg.version} -> ${output}`);
console.log(`régions ${keptRegions.length}, départements ${keptDepartements.length}, EPCI ${keptEpcis.length}, ` +
  `communes ${current.length}, aliases ${aliases.size} ${JSON.stringify(aliasCounts)}`);
console.log(`communes without EPCI: ${withoutEpci.join(', ') || 'none'}`);
for (const note of notes) console.log(note);
