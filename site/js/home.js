// Home: "Décrivez votre besoin en quelques mots" (home-suggest.js), then the catalogue, themes then subjects, each
// subject a link to its form. Text only through textContent.
import { el, byId } from './dom.js';
import { loadCatalog, formUrl, genericSubject } from './catalog.js';
import { setOutsideSubject } from './home-suggest.js';

const container = byId('catalogue');

function subjectCard(subject) {
  return el('div', { className: 'fr-col-12 fr-col-md-6 fr-col-lg-4' },
    el('div', { className: 'fr-card fr-card--sm fr-enlarge-link' },
      el('div', { className: 'fr-card__body' },
        el('div', { className: 'fr-card__content' },
          el('h4', { className: 'fr-card__title' },
            el('a', { text: subject.label, attrs: { href: formUrl(subject.id), 'data-testid': `subject-${subject.id}` } })),
          subject.description ? el('p', { className: 'fr-card__desc', text: subject.description }) : null))));
}

function render(catalog) {
  const sections = catalog.themes.filter((t) => t.subjects.length > 0).map((theme) =>
    el('section', { className: 'fr-mb-6w', attrs: { 'aria-labelledby': `theme-${theme.id}`, 'data-testid': `theme-${theme.id}` } },
      el('h3', { id: `theme-${theme.id}`, text: theme.label }),
      theme.description ? el('p', { text: theme.description }) : null,
      el('div', { className: 'fr-grid-row fr-grid-row--gutters' }, theme.subjects.map(subjectCard))));
  container.replaceChildren(...sections);

  const generic = genericSubject(catalog);
  if (generic) {
    const link = byId('other-need');
    link.href = formUrl(generic.subject.id);
    link.textContent = `Déposer un besoin : ${generic.subject.label}`;
    setOutsideSubject(generic.subject.id);
  }
}

async function start() {
  const catalog = await loadCatalog();
  container.removeAttribute('aria-busy');
  if (!catalog) {
    const retry = el('a', { className: 'fr-link', text: 'Réessayer', attrs: { href: '/' } });
    container.replaceChildren(el('div', { className: 'fr-alert fr-alert--error', attrs: { 'data-testid': 'catalogue-error' } },
      el('h3', { className: 'fr-alert__title', text: 'Les sujets ne peuvent pas être affichés pour le moment' }),
      el('p', {}, 'Réessayez dans quelques instants. ', retry)));
    return;
  }
  render(catalog);
}

start();
