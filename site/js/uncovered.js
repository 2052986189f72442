// Places people type in the commune search that the service does not cover (the collectivités d'outre-mer and
// Monaco), so that they read why instead of "no commune found". The same list as the API's
// (functions/Core/Geography/UncoveredTerritories.cs): by postal or INSEE code, or an unambiguous name.
const BY_CODE = [
  ['97133', 'Saint-Barthélemy'], ['97150', 'Saint-Martin'], ['98000', 'Monaco'],
  ['975', 'Saint-Pierre-et-Miquelon'], ['977', 'Saint-Barthélemy'], ['978', 'Saint-Martin'], ['986', 'Wallis-et-Futuna'],
  ['987', 'la Polynésie française'], ['988', 'la Nouvelle-Calédonie'], ['989', 'l\'île de Clipperton'],
];

const BY_NAME = new Map([
  ['saint pierre et miquelon', 'Saint-Pierre-et-Miquelon'], ['miquelon', 'Saint-Pierre-et-Miquelon'], ['miquelon langlade', 'Saint-Pierre-et-Miquelon'],
  ['saint barthelemy', 'Saint-Barthélemy'], ['saint barth', 'Saint-Barthélemy'],
  ['wallis', 'Wallis-et-Futuna'], ['futuna', 'Wallis-et-Futuna'], ['wallis et futuna', 'Wallis-et-Futuna'], ['mata utu', 'Wallis-et-Futuna'],
  ['polynesie', 'la Polynésie française'], ['polynesie francaise', 'la Polynésie française'], ['tahiti', 'la Polynésie française'], ['papeete', 'la Polynésie française'],
  ['nouvelle caledonie', 'la Nouvelle-Calédonie'], ['noumea', 'la Nouvelle-Calédonie'],
  ['monaco', 'Monaco'],
]);

function normalize(text) {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ').trim().split(' ').map((w) => (w === 'st' ? 'saint' : w)).join(' ');
}

/** The French message for a query naming an uncovered territory, or null. */
export function uncoveredTerritoryMessage(query) {
  const text = (query ?? '').trim();
  const name = /^\d{5}$/.test(text)
    ? BY_CODE.find(([prefix]) => text.startsWith(prefix))?.[1]
    : BY_NAME.get(normalize(text));
  if (!name) return null;
  if (name === 'Monaco') return 'Monaco n\'est pas en France : le service s\'adresse aux entreprises établies en France.';
  return `Conseillers-Entreprises ne couvre pas ${name} : le service s'adresse aux entreprises de métropole et des départements `
    + 'd\'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte). Adressez-vous à la chambre de commerce et '
    + 'd\'industrie ou aux services de votre collectivité.';
}
