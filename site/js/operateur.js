// Operator sign-in link /operateur/#jeton=…: the token leaves the address bar and the history at once.
import { takeFragment } from './links.js';

const { jeton } = takeFragment();
if (jeton) sessionStorage.setItem('ce.operateur.jeton', jeton);
