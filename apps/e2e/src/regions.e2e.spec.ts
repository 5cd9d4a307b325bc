import { regionsAcceptance } from './regions.acceptance.js';

// The embedded default: SQLite event store and read models, as `npm start` runs.
regionsAcceptance('sqlite');
