import { accountabilityAcceptance } from './accountability.acceptance.js';

// EVENT_STORE=postgres READ_MODELS=postgres against a real PostgreSQL server.
accountabilityAcceptance('postgres');
