import { proceduresAcceptance } from './procedures.acceptance.js';

// EVENT_STORE=postgres READ_MODELS=postgres against a real PostgreSQL server.
proceduresAcceptance('postgres');
