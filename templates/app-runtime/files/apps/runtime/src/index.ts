export * from './app.js';
export * from './config.js';
export * from './db/index.js';
export * from './http.js';
export * from './kop.js';
export * from './letters.js';
export * from './metrics.js';
export * from './people.js';
