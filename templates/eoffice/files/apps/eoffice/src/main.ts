import { main } from 'eoffice-runtime';
import { eoffice } from './app.js';

await main(eoffice());
