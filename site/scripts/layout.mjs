// Keeps the shared parts of every page identical: replaces the content between
//   <!-- layout:NAME --> and <!-- /layout:NAME -->
// with scripts/partials/NAME.html in every .html file of the site (node_modules and vendor excepted).
// Pages stay plain static HTML (readable without JavaScript, served as they are); run after editing a partial:
//   node scripts/layout.mjs          rewrite the pages
//   node scripts/layout.mjs --check  exit 1 when a page is out of date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const partials = join(site, 'scripts', 'partials');
const check = process.argv.includes('--check');

function pages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || ['node_modules', 'vendor', 'scripts'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

let stale = 0;
for (const page of pages(site)) {
  const before = readFileSync(page, 'utf8');
  const after = before.replace(/<!-- layout:([a-z]+) -->[\s\S]*?<!-- \/layout:\1 -->/g, (_, name) =>
    `<!-- layout:${name} -->\n  ${readFileSync(join(partials, `${name}.html`), 'utf8').trim()}\n  <!-- /layout:${name} -->`);
  if (after !== before) {
    stale++;
    if (check) console.error(`out of date: ${relative(site, page)}`);
    else writeFileSync(page, after);
  }
}
if (check && stale > 0) process.exit(1);
console.log(check ? 'layout: every page is up to date' : `layout: ${stale} page(s) rewritten`);
