// Runs Lighthouse (mobile preset, simulated throttling) on the site's public pages, one after another in ONE
// headless Chromium, prints a table and writes a JSON summary.
//
//   node tools/local/lighthouse.mjs BASE_URL [--json OUT.json] [--runs N] [--pages accueil,demande] [--reports DIR]
//
// --reports DIR keeps each page's full Lighthouse report (DIR/page-run.json: open it in the Lighthouse viewer).
//
// BASE_URL is the site's root (e.g. http://127.0.0.1:7071). The page list is below; a subject id for the form is
// taken from the site's own /api/catalog. CHROME_PATH chooses the browser (default /usr/bin/chromium).
// Used by scripts/lighthouse.sh (every page) and by the browser tests' LighthouseTests (the home page only: about 15 s a
// page, 30 s under load).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const args = process.argv.slice(2);
const base = (args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '').replace(/\/$/, '');
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!base) {
  console.error('usage: node lighthouse.mjs BASE_URL [--json OUT.json] [--runs N] [--pages accueil,demande]');
  process.exit(2);
}
const runs = Number(option('--runs') ?? 1);
const jsonOut = option('--json');
const reports = option('--reports');
if (reports) mkdirSync(reports, { recursive: true });

async function firstSubjectId() {
  const response = await fetch(`${base}/api/catalog`);
  if (!response.ok) return undefined;
  const catalog = await response.json();
  const themes = catalog.themes ?? catalog;
  for (const theme of themes) {
    for (const subject of theme.subjects ?? []) return subject.id;
  }
  return undefined;
}

const subject = await firstSubjectId();
const allPages = [
  ['accueil', '/'],
  ['demande', subject ? `/demande.html?sujet=${encodeURIComponent(subject)}` : '/demande.html'],
  ['autre-besoin', '/autre-besoin.html'],
  ['confirmation', '/confirmation.html'],
  ['statistiques', '/statistiques.html'],
  ['suivi', '/suivi.html'],
  ['donnees-personnelles', '/donnees-personnelles.html'],
  ['accessibilite', '/accessibilite.html'],
];
const chosen = option('--pages')?.split(',');
const pages = chosen ? allPages.filter(([name]) => chosen.includes(name)) : allPages;
if (pages.length === 0) {
  console.error(`lighthouse.mjs: no page among ${allPages.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    for (const [name, path] of pages) {
      const started = Date.now();
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        formFactor: 'mobile',
        throttlingMethod: 'simulate',
      });
      const lhr = result.lhr;
      if (reports) writeFileSync(join(reports, `${name}-${run}.json`), result.report);
      const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
      const audit = (id) => lhr.audits[id];
      const failed = (category) => lhr.categories[category].auditRefs
        .map((ref) => audit(ref.id))
        .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative'
          && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => a.id);
      results.push({
        run,
        page: name,
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: Math.round(audit('largest-contentful-paint').numericValue),
        fcpMs: Math.round(audit('first-contentful-paint').numericValue),
        cls: Number(audit('cumulative-layout-shift').numericValue.toFixed(3)),
        tbtMs: Math.round(audit('total-blocking-time').numericValue),
        metaDescription: audit('meta-description').score === 1,
        failedAudits: [...failed('accessibility'), ...failed('best-practices'), ...failed('seo')],
        runtimeError: lhr.runtimeError?.code ?? null,
        seconds: (Date.now() - started) / 1000,
      });
    }
  }
} finally {
  await chrome.kill();
}

const pad = (value, width) => String(value).padEnd(width);
console.log(`${pad('page', 22)}${pad('run', 4)}${pad('perf', 6)}${pad('LCP s', 7)}${pad('CLS', 7)}${pad('TBT ms', 8)}${pad('a11y', 6)}${pad('BP', 5)}${pad('SEO', 5)}failed audits`);
for (const r of results) {
  console.log(`${pad(r.page, 22)}${pad(r.run, 4)}${pad(r.performance, 6)}${pad((r.lcpMs / 1000).toFixed(2), 7)}${pad(r.cls, 7)}${pad(r.tbtMs, 8)}${pad(r.accessibility, 6)}${pad(r.bestPractices, 5)}${pad(r.seo, 5)}${r.runtimeError ?? r.failedAudits.join(' ')}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
