import { main } from 'eoffice-runtime';
import { eofficeDesa } from './app.js';

await main(eofficeDesa());
