// Where the HTTP API lives. Empty: the same origin as the pages (locally, the app serves both). On Azure the
// pages are a storage static website and the API is the function app: the deployment (azure.yaml, postdeploy)
// rewrites this file in the uploaded copy with the function app's URL, allowed there by CORS.
export const API_BASE = '';
