import { checkedInSubgraphSchema } from '@redtape/testing';
import { fileURLToPath } from 'node:url';
import { startProcedures } from './start-procedures.js';

checkedInSubgraphSchema(
  'procedures',
  fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  startProcedures,
);
