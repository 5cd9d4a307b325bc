import { eventStoreContract, openTemporarySqliteStore } from '../testing/index.js';

eventStoreContract('sqlite', async () => openTemporarySqliteStore());
