import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
// yaml 1.x is already in the tree (through Nx's tooling); it is CommonJS, so one default import.
import YAML from 'yaml';
import {
  ASYNCAPI_PATH,
  ceTypeOf,
  INTEGRATION_CONTEXTS,
  schemaFilesOf,
  topicOf,
  type IntegrationContext,
} from './index.js';

type Node = Record<string, unknown>;

const text = readFileSync(ASYNCAPI_PATH, 'utf8');
const doc = YAML.parse(text) as Node;

const at = (node: unknown, ...path: string[]): Node => {
  let here = node;
  for (const key of path) here = (here as Node | undefined)?.[key];
  if (typeof here !== 'object' || here === null) throw new Error(`nothing at ${path.join('.')}`);
  return here as Node;
};

/** Follows a local `$ref` ('#/a/b') to what it names. */
const resolve = (ref: string): Node => at(doc, ...ref.slice(2).split('/').map(decodeURIComponent));

const refs = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refs(value),
  );
};

const channelOf = (context: IntegrationContext): Node => at(doc, 'channels', `${context}Events`);

const HEADERS = [
  'ce_specversion',
  'ce_id',
  'ce_source',
  'ce_type',
  'ce_time',
  'ce_subject',
  'content-type',
  'redtape_stream_revision',
  'redtape_global_position',
  'redtape_correlation_id',
  'redtape_causation_id',
];

describe('the AsyncAPI document', () => {
  it('is AsyncAPI 3.0 with the local development broker', () => {
    expect(doc['asyncapi']).toBe('3.0.0');
    expect(at(doc, 'servers', 'local')).toMatchObject({ host: '127.0.0.1:9092', protocol: 'kafka' });
  });

  it('resolves every local reference', () => {
    const dangling = refs(doc).filter((ref) => {
      if (!ref.startsWith('#/')) return false;
      try {
        resolve(ref);
        return false;
      } catch {
        return true;
      }
    });
    expect(dangling).toEqual([]);
  });

  it('tells consumers to dedupe by ce_id and that order holds per key (stream)', () => {
    const description = String(at(doc, 'info')['description']);
    expect(description).toMatch(/dedupe by `ce_id`/);
    expect(description).toMatch(/Order holds per key, that is per stream/);
  });

  it('describes the CloudEvents headers of binary mode', () => {
    const headers = at(doc, 'components', 'schemas', 'CloudEventHeaders');
    expect(Object.keys(at(headers, 'properties'))).toEqual(HEADERS);
    // The relay sets the correlation and causation ids only when the stored metadata has them.
    expect(headers['required']).toEqual(
      HEADERS.filter((header) => !/_(correlation|causation)_id$/.test(header)),
    );
  });

  describe.each(INTEGRATION_CONTEXTS)('for %s', (context) => {
    const files = schemaFilesOf(context);

    it('has one channel on the context topic', () =>
      expect(channelOf(context)['address']).toBe(topicOf(context)));

    it('has the relay send every message of the channel', () => {
      const sends = Object.values(at(doc, 'operations')).filter(
        (operation) => at(operation, 'channel')['$ref'] === `#/channels/${context}Events`,
      );
      expect(sends).toHaveLength(1);
      expect(sends[0]).toMatchObject({ action: 'send' });
      expect(refs(at(sends[0], 'messages')).sort()).toEqual(
        Object.keys(at(channelOf(context), 'messages'))
          .map((id) => `#/channels/${context}Events/messages/${id}`)
          .sort(),
      );
    });

    it('has a message for every schema file, whose payload is that file', () => {
      const payloads = Object.values(at(channelOf(context), 'messages')).map(
        (message) => at(resolve(String(at(message)['$ref'])), 'payload', 'schema')['$ref'],
      );
      expect([...payloads].sort()).toEqual(files.map(({ relativePath }) => `./${relativePath}`).sort());
    });

    it.each(files.map((file) => [ceTypeOf(context, file.type, file.version), file] as const))(
      'names %s in its headers and keys it by stream id',
      (ceType, { type, version }) => {
        const message = at(doc, 'components', 'messages', `${context}.${type}.v${version}`);
        expect(message).toMatchObject({
          name: type,
          title: ceType,
          contentType: 'application/json',
          payload: { schemaFormat: 'application/schema+json;version=2020-12' },
          bindings: { kafka: { key: { $ref: '#/components/schemas/StreamKey' } } },
        });
        expect(at(message, 'headers')['allOf']).toEqual([
          { $ref: '#/components/schemas/CloudEventHeaders' },
          {
            type: 'object',
            properties: { ce_type: { const: ceType }, ce_source: { const: `/redtape/${context}` } },
          },
        ]);
      },
    );
  });
});
