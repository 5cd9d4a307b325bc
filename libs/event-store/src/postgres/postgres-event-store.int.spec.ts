import { eventStoreContract, openTemporaryPostgresStore } from '../testing/index.js';

eventStoreContract('postgres', openTemporaryPostgresStore);
