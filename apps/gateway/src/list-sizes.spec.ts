import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unsizedLists } from '@redtape/graphql-guard';
import { buildASTSchema, parse } from 'graphql';
import { KNOWN_SUBGRAPHS } from './gateway-config.js';
import { APPS_DIR } from './repository-paths.js';

describe('the checked-in subgraph schemas', () => {
  it.each(KNOWN_SUBGRAPHS.map(({ name }) => [name]))(
    'size every list of objects in %s with @listSize, so the cost limit never guesses',
    (name) => {
      const sdl = readFileSync(join(APPS_DIR, name, 'schema.graphql'), 'utf8');
      expect(unsizedLists(buildASTSchema(parse(sdl)))).toEqual([]);
    },
  );
});
