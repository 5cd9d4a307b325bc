import { describe, expect, it } from '@jest/globals';
import { GOVERNMENT_LEVELS } from '@redtape/procedures-domain';
import {
  ID_PREFIX_OF_KIND,
  KIND_OF_CATEGORY,
  LEVEL_OF_UNIT_KIND,
  UNIT_KIND_OF_AUTHORITY_KIND,
} from '@redtape/regions-domain';
import {
  ceTypeOf,
  INTEGRATION_CONTEXTS,
  INTEGRATION_EVENT_CATALOGS,
  MissingIntegrationEventSchema,
  schemaFilesOf,
  schemaFor,
  type IntegrationContext,
} from './index.js';

const COMMON_FIELDS = ['actor', 'reason', 'legalBasis', 'occurredAt'];
const OPTIONAL_COMMON_FIELDS = ['reason', 'legalBasis'];

const catalogEntries = (context: IntegrationContext) =>
  Object.entries(INTEGRATION_EVENT_CATALOGS[context]).map(([type, { version }]) => ({ type, version }));

const everySchema = INTEGRATION_CONTEXTS.flatMap((context) =>
  schemaFilesOf(context).map(({ type, version }) => ({
    context,
    ceType: ceTypeOf(context, type, version),
    schema: schemaFor(context, type, version),
  })),
);

/** Every object schema inside a schema, with the JSON pointer where it sits. */
function objectSchemasIn(node: unknown, at = ''): { at: string; schema: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => objectSchemasIn(item, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as Record<string, unknown>;
  const here = schema['type'] === 'object' ? [{ at: at || '/', schema }] : [];
  return [
    ...here,
    ...Object.entries(schema).flatMap(([key, value]) => objectSchemasIn(value, `${at}/${key}`)),
  ];
}

describe('the integration event catalogs and their JSON Schemas', () => {
  describe.each(INTEGRATION_CONTEXTS)('in %s', (context) => {
    it('have a schema file for every catalog entry, at its version', () => {
      const missing = catalogEntries(context)
        .filter(
          ({ type, version }) =>
            !schemaFilesOf(context).some((f) => f.type === type && f.version === version),
        )
        .map(({ type, version }) => ceTypeOf(context, type, version));
      expect(missing).toEqual([]);
    });

    it('have a catalog entry for every schema file', () => {
      const orphans = schemaFilesOf(context)
        .filter(({ type, version }) =>
          catalogEntries(context).every((e) => e.type !== type || e.version !== version),
        )
        .map(({ relativePath }) => relativePath);
      expect(orphans).toEqual([]);
    });
  });

  it('say which integration event type has no schema', () =>
    expect(() => schemaFor('procedures', 'ProcedureTeleported', 1)).toThrow(
      new MissingIntegrationEventSchema('redtape.procedures.ProcedureTeleported.v1'),
    ));

  it.each(everySchema.map(({ ceType, schema }) => [ceType, schema] as const))(
    '%s is a closed draft 2020-12 object schema named after its CloudEvent type',
    (ceType, schema) => {
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `urn:redtape:schema:${ceType.slice('redtape.'.length).replaceAll('.', ':')}`,
        title: ceType,
        type: 'object',
        additionalProperties: false,
      });
      const properties = Object.keys(schema['properties'] as object);
      // Every field is always there (null when it has no value), so consumers see one shape; only
      // reason and legalBasis are left out by the relay when the command gave none.
      expect([...(schema['required'] as string[])].sort()).toEqual(
        properties.filter((field) => !OPTIONAL_COMMON_FIELDS.includes(field)).sort(),
      );
      expect(properties).toEqual(expect.arrayContaining(COMMON_FIELDS));
      const open = objectSchemasIn(schema).filter(({ schema: s }) => s['additionalProperties'] !== false);
      expect(open.map(({ at }) => at)).toEqual([]);
    },
  );

  it('describe the common part the same way in every schema', () => {
    const common = (schema: Record<string, unknown>) => ({
      properties: Object.fromEntries(
        COMMON_FIELDS.map((field) => [field, (schema['properties'] as Record<string, unknown>)[field]]),
      ),
      required: COMMON_FIELDS.filter((field) => (schema['required'] as string[]).includes(field)),
      actor: (schema['$defs'] as Record<string, unknown>)['actor'],
    });
    const [first, ...rest] = everySchema.map(({ schema }) => common(schema));
    for (const other of rest) expect(other).toEqual(first);
  });

  it('list the same values as the domain where the domain exports them', () => {
    const property = (context: IntegrationContext, type: string, name: string) =>
      (schemaFor(context, type, 1)['properties'] as Record<string, { enum?: string[] }>)[name]?.enum;
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
    expect(sorted(property('regions', 'UnitRegistered', 'kind')!)).toEqual(
      sorted(Object.keys(ID_PREFIX_OF_KIND)),
    );
    expect(sorted(property('regions', 'UnitRegistered', 'category')!)).toEqual(
      sorted(Object.keys(KIND_OF_CATEGORY)),
    );
    expect(sorted(property('regions', 'AuthorityEstablished', 'kind')!)).toEqual(
      sorted(Object.keys(UNIT_KIND_OF_AUTHORITY_KIND)),
    );
    expect(sorted(property('regions', 'AuthorityEstablished', 'level')!)).toEqual(
      sorted(Object.values(LEVEL_OF_UNIT_KIND)),
    );
    expect(sorted(property('procedures', 'ProcedureRegistered', 'level')!)).toEqual(
      sorted(GOVERNMENT_LEVELS),
    );
  });
});
