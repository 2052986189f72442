// Where the HTTP API lives. Empty: the same origin as the pages, as the CSP's connect-src 'self' requires: locally
// the app serves both; on Azure, Front Door sends /api/* to the function app and the rest to the static website.
export const API_BASE = '';
