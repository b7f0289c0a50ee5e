import { main } from 'eoffice-runtime';
import { esakip } from './app.js';

await main(esakip());
