import { checkedInSubgraphSchema } from '@redtape/testing';
import { fileURLToPath } from 'node:url';
import { startRegions } from './start-regions.js';

checkedInSubgraphSchema(
  'regions',
  fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  startRegions,
);
