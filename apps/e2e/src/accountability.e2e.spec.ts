import { accountabilityAcceptance } from './accountability.acceptance.js';

// The embedded default: SQLite event store and read models, as `npm start` runs.
accountabilityAcceptance('sqlite');
