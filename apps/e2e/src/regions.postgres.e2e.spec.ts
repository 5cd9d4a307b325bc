import { regionsAcceptance } from './regions.acceptance.js';

// EVENT_STORE=postgres READ_MODELS=postgres against a real PostgreSQL server.
regionsAcceptance('postgres');
