// How the site writes French things the same way the emails do (App/Email/Templates/NeedDisplay): SIRET numbers, and
// words that agree with a count. Dates are dom.js's formatDate / formatDateTime.

/** "732 829 320 00074": the SIREN in groups of three, then the establishment number; anything else as given. */
export function formatSiret(siret) {
  const digits = String(siret ?? '').trim();
  return /^\d{14}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}` : digits;
}

/** The singular or the plural form, by count: plural(1, 'un conseiller', 'des conseillers'). */
export function plural(count, one, many) {
  return count > 1 ? many : one;
}
