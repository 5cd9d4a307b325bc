import { checkedInSubgraphSchema } from '@redtape/testing';
import { fileURLToPath } from 'node:url';
import { startAccountability } from './start-accountability.js';

checkedInSubgraphSchema(
  'accountability',
  fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  startAccountability,
);
