import { storeContract } from './store-contract.ts';
import { tempSqliteStore } from './harness.ts';

storeContract('SQLite', async () => tempSqliteStore());
