// French labels of statuses (API.md, PRODUCT.md) and the DSFR badge that goes with each.

export const matchStatuses = {
  quo: { label: 'En attente de réponse', badge: 'fr-badge--new' },
  taking_care: { label: 'Pris en charge', badge: 'fr-badge--info' },
  done: { label: 'Clôturé : aide proposée', badge: 'fr-badge--success' },
  done_no_help: { label: 'Clôturé : pas d\'aide possible', badge: 'fr-badge--warning' },
  done_not_reachable: { label: 'Clôturé : entreprise injoignable', badge: 'fr-badge--warning' },
  not_for_me: { label: 'Refusé (pas pour moi)', badge: 'fr-badge--error' },
  // The advisor had not answered when the need was abandoned: the need reads "abandonné", never "refusé".
  expired: { label: 'Abandonné (sans réponse à temps)', badge: '' },
};

/**
 * An advisor's inbox row (GET /api/advisor/inbox): the advisor's match status, or `cancelled` once an operator
 * cancelled the need (listed in the "expired" tab).
 */
export const inboxStatuses = {
  ...matchStatuses,
  cancelled: { label: 'Annulé par l\'équipe', badge: '' },
};

/** The need's own status (NeedStatusRules, `cancelled` first, `unrouted` while no advisor is found), for the team. */
export const needStatuses = {
  review: { label: 'À vérifier avant transmission', badge: 'fr-badge--warning' },
  rejected: { label: 'Rejeté après vérification', badge: '' },
  unrouted: { label: 'Sans conseiller', badge: 'fr-badge--warning' },
  cancelled: { label: 'Annulé', badge: '' },
  abandoned: { label: 'Abandonné (personne ne l\'a pris en charge à temps)', badge: 'fr-badge--error' },
  quo: { label: 'En attente de réponse', badge: 'fr-badge--new' },
  taking_care: { label: 'Pris en charge', badge: 'fr-badge--info' },
  done: { label: 'Clôturé : aide proposée', badge: 'fr-badge--success' },
  done_no_help: { label: 'Clôturé : pas d\'aide possible', badge: 'fr-badge--warning' },
  done_not_reachable: { label: 'Clôturé : entreprise injoignable', badge: 'fr-badge--warning' },
  not_for_me: { label: 'Refusé par tous les conseillers', badge: 'fr-badge--error' },
};

/** Why a submission waits for a check (HoldReason in Core/Moderation), in the team's words. */
export const holdReasons = {
  honeypot: 'Champ caché rempli (robot probable)',
  filled_too_fast: 'Formulaire rempli trop vite',
  blocked_email: 'Adresse email bloquée',
  blocked_domain: 'Domaine de l\'adresse email bloqué',
  duplicate_siret: 'Même SIRET sur le même sujet récemment',
  duplicate_email: 'Même adresse email sur le même sujet récemment',
};

/**
 * Where an antenna stands on a need (GET /api/manager/needs, `antennaStatus`): its advisors' positions folded as a
 * need's are (NeedStatusRules), worded for the antenna's manager.
 */
export const antennaStatuses = {
  quo: { label: 'Sans réponse de l\'équipe', badge: 'fr-badge--new' },
  taking_care: { label: 'Pris en charge', badge: 'fr-badge--info' },
  done: { label: 'Clôturé : aide proposée', badge: 'fr-badge--success' },
  done_no_help: { label: 'Clôturé : pas d\'aide possible', badge: 'fr-badge--warning' },
  done_not_reachable: { label: 'Clôturé : entreprise injoignable', badge: 'fr-badge--warning' },
  not_for_me: { label: 'Refusé par l\'équipe', badge: 'fr-badge--error' },
  abandoned: { label: 'Sans réponse à temps', badge: 'fr-badge--error' },
  cancelled: { label: 'Annulé', badge: '' },
  reassigned: { label: 'Confié à une autre équipe', badge: '' },
};

/** The need as the company sees it (GET /api/company/needs/{id}). */
export const companyStatuses = {
  quo: { label: 'Transmise, en attente d\'un conseiller', badge: 'fr-badge--new' },
  taking_care: { label: 'Prise en charge', badge: 'fr-badge--info' },
  done: { label: 'Accompagnée : une aide vous a été proposée', badge: 'fr-badge--success' },
  done_no_help: { label: 'Close : pas d\'aide possible', badge: 'fr-badge--warning' },
  done_not_reachable: { label: 'Close : le conseiller n\'a pas pu vous joindre', badge: 'fr-badge--warning' },
  not_for_me: { label: 'Close : aucun conseiller n\'a pu vous aider', badge: 'fr-badge--error' },
  unrouted: { label: 'Reçue, notre équipe cherche le bon conseiller', badge: 'fr-badge--new' },
  abandoned: { label: 'Abandonnée : aucun conseiller ne l\'a prise en charge à temps', badge: 'fr-badge--error' },
  cancelled: { label: 'Annulée', badge: '' },
};

export function statusLabel(table, status) {
  return table[status]?.label ?? status;
}

export function badgeClass(table, status) {
  return `fr-badge ${table[status]?.badge ?? ''}`.trim();
}
