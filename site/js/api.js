// The only way the site talks to the server: the HTTP API of /work/shared/API.md, JSON both ways.
import { API_BASE } from './config.js';

/**
 * Calls the API and never throws: resolves to { status, data }. status is 0 when the server could not be reached.
 * data is the parsed JSON body (a problem document for errors), or null.
 */
export async function api(path, { method = 'GET', body, token } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { status: 0, data: null };
  }
  // The body is always read (even when empty), so that no request is left half-done.
  let data = null;
  try {
    const text = await response.text();
    if (text && (response.headers.get('content-type') ?? '').includes('json')) data = JSON.parse(text);
  } catch {
    data = null;
  }
  return { status: response.status, data };
}

/** The French message of a problem document, or a fallback. */
export function problemText(result, fallback) {
  if (result.status === 0) return 'Le service ne répond pas : vérifiez votre connexion à internet, puis réessayez.';
  if (result.status === 429) return 'Trop de demandes en peu de temps : patientez une minute, puis réessayez.';
  return result.data?.detail || result.data?.title || fallback || 'Une erreur est survenue. Réessayez dans quelques instants.';
}
