// Copies the parts of the French State design system (@gouvfr/dsfr, pinned in package.json) that the pages use into
// vendor/dsfr/ (gitignored). Runs as the postinstall step of `npm ci` in site/.
//
//   vendor/dsfr/dsfr.min.css       core + the components listed below (their ".main.min.css", no legacy/IE build),
//                                  plus the few icon classes the pages use; url()s rewritten to this folder
//   vendor/dsfr/dsfr-*.min.css     components only one page uses, linked by that page after dsfr.min.css (the
//                                  table, 40 KiB, for the statistics page), so that the other pages do not load them
//   vendor/dsfr/fonts/             Marianne / Spectral fonts
//   vendor/dsfr/icons/             only the SVG files the CSS above refers to
//   vendor/dsfr/favicon/           favicons
//   vendor/dsfr/*.module.min.js    DSFR JS: core, and the component modules that need JS (tabs)
//
// One stylesheet for every page, about half the size of the full dsfr.min.css.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(site, 'node_modules', '@gouvfr', 'dsfr', 'dist');
const out = join(site, 'vendor', 'dsfr');

// Components the pages use, in the order of the DSFR build (src/dsfr/component/main.scss).
const components = [
  'badge', 'logo', 'button', 'form', 'stepper', 'link', 'callout', 'tab', 'alert', 'radio', 'card',
  'checkbox', 'input', 'upload', 'skiplink', 'select', 'footer', 'header',
];

// Components only some pages use: one extra stylesheet each (file name → components), linked by those pages.
const pageSheets = {
  'dsfr-table.min.css': ['table'],
};

// Icon classes (fr-icon-*) the pages use; the rules are taken from the icon utility.
const icons = [
  'arrow-left-line', 'arrow-right-line', 'check-line', 'close-line', 'mail-line', 'phone-line', 'search-line',
  'refresh-line', 'chat-3-line', 'user-line', 'building-line', 'inbox-line', 'arrow-go-back-line', 'send-plane-line',
  'checkbox-circle-line', 'time-line', 'close-circle-line', 'lock-line',
];

if (!existsSync(dist)) {
  console.error(`vendor-dsfr: ${dist} is missing (run npm ci in site/ first)`);
  process.exit(1);
}

const read = (path) => readFileSync(join(dist, path), 'utf8');
const banner = /\/\*![^*]*\*+([^/*][^*]*\*+)*\//;

/** The .main.min.css of each path, one licence banner (the first one's), no @charset. */
function concat(paths) {
  let text = '';
  for (const [index, path] of paths.entries()) {
    let part = read(path).replace(/@charset "UTF-8";/g, '');
    if (index > 0) part = part.replace(banner, '');
    text += part.trim() + '\n';
  }
  return text;
}

const componentPath = (c) => `component/${c}/${c}.main.min.css`;
let css = concat(['core/core.main.min.css', ...components.map(componentPath)]);

const iconCss = read('utility/icons/icons.main.min.css');
for (const name of icons) {
  const match = iconCss.match(new RegExp(`\\.fr-icon-${name}:after,\\.fr-icon-${name}:before\\{[^}]*\\}`));
  if (!match) {
    console.error(`vendor-dsfr: icon fr-icon-${name} not found in the DSFR icon utility`);
    process.exit(1);
  }
  css += match[0] + '\n';
}

// Every url() in the sources is relative to dist/core/, dist/component/x/ or dist/utility/icons/: make them
// relative to vendor/dsfr/.
const finish = (text) => '@charset "UTF-8";\n' + text.replace(/url\((["']?)(?:\.\.\/)+(fonts|icons)\//g, 'url($1$2/');
css = finish(css);
const sheets = Object.fromEntries(Object.entries(pageSheets).map(([file, list]) => [file, finish(concat(list.map(componentPath)))]));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'dsfr.min.css'), css);
for (const [file, text] of Object.entries(sheets)) writeFileSync(join(out, file), text);

const referenced = new Set([css, ...Object.values(sheets)].flatMap((text) =>
  [...text.matchAll(/url\(["']?(icons\/[^"')]+)["']?\)/g)].map((m) => m[1])));
for (const path of referenced) {
  const source = join(dist, path);
  if (!existsSync(source)) {
    console.error(`vendor-dsfr: ${path} is referenced but missing from the package`);
    process.exit(1);
  }
  mkdirSync(dirname(join(out, path)), { recursive: true });
  cpSync(source, join(out, path));
}

cpSync(join(dist, 'fonts'), join(out, 'fonts'), { recursive: true });
mkdirSync(join(out, 'favicon'));
for (const file of ['favicon.svg', 'favicon.ico', 'apple-touch-icon.png']) {
  cpSync(join(dist, 'favicon', file), join(out, 'favicon', file));
}

cpSync(join(dist, 'core', 'core.module.min.js'), join(out, 'core.module.min.js'));
cpSync(join(dist, 'component', 'tab', 'tab.module.min.js'), join(out, 'tab.module.min.js'));

const sizes = Object.entries(sheets).map(([file, text]) => `, ${file} ${Math.round(text.length / 1024)} KiB`).join('');
console.log(`vendor-dsfr: vendor/dsfr/ ready (dsfr.min.css ${Math.round(css.length / 1024)} KiB${sizes}, ${referenced.size} icons)`);
