// The 18 French regions (INSEE codes, COG 2024): the stats filter's choices. No API lists them; they change rarely.
export const REGIONS = [
  { code: '84', name: 'Auvergne-Rhône-Alpes' },
  { code: '27', name: 'Bourgogne-Franche-Comté' },
  { code: '53', name: 'Bretagne' },
  { code: '24', name: 'Centre-Val de Loire' },
  { code: '94', name: 'Corse' },
  { code: '44', name: 'Grand Est' },
  { code: '01', name: 'Guadeloupe' },
  { code: '03', name: 'Guyane' },
  { code: '32', name: 'Hauts-de-France' },
  { code: '11', name: 'Île-de-France' },
  { code: '04', name: 'La Réunion' },
  { code: '02', name: 'Martinique' },
  { code: '06', name: 'Mayotte' },
  { code: '28', name: 'Normandie' },
  { code: '75', name: 'Nouvelle-Aquitaine' },
  { code: '76', name: 'Occitanie' },
  { code: '52', name: 'Pays de la Loire' },
  { code: '93', name: 'Provence-Alpes-Côte d\'Azur' },
];

/** The region's name, or null for a code that is not one of the 18. */
export function regionName(code) {
  return REGIONS.find((region) => region.code === code)?.name ?? null;
}
