import { proceduresAcceptance } from './procedures.acceptance.js';

// The embedded default: SQLite event store and read models, as `npm start` runs.
proceduresAcceptance('sqlite');
