/**
 * The Kafka contract of redtape's integration events, as checked-in files: one JSON Schema (draft
 * 2020-12) per integration event type under contracts/schemas/<context>/<EventType>.v<version>.schema.json
 * and the AsyncAPI document contracts/asyncapi.yaml. This library finds those files, ties them to the
 * domain catalogs, and validates a record's value the way a consumer would.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountabilityIntegrationEvents } from '@redtape/accountability-domain';
import { proceduresIntegrationEvents } from '@redtape/procedures-domain';
import { regionsIntegrationEvents } from '@redtape/regions-domain';
import { Ajv2020, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

export const INTEGRATION_CONTEXTS = ['regions', 'procedures', 'accountability'] as const;
export type IntegrationContext = (typeof INTEGRATION_CONTEXTS)[number];

/** Each context's catalog: the version and the mapping of every event type it publishes. */
export const INTEGRATION_EVENT_CATALOGS = {
  regions: regionsIntegrationEvents,
  procedures: proceduresIntegrationEvents,
  accountability: accountabilityIntegrationEvents,
} as const satisfies Record<IntegrationContext, object>;

/** The repository's contracts/ folder; the same three levels up from src/ and from dist/. */
export const CONTRACTS_DIR: string = fileURLToPath(new URL('../../../contracts/', import.meta.url));
export const ASYNCAPI_PATH: string = join(CONTRACTS_DIR, 'asyncapi.yaml');
const SCHEMAS_DIR = join(CONTRACTS_DIR, 'schemas');
const SCHEMA_FILE = /^([A-Z][A-Za-z]+)\.v([1-9][0-9]*)\.schema\.json$/;
const CE_TYPE = /^redtape\.([a-z]+)\.([A-Z][A-Za-z]+)\.v([1-9][0-9]*)$/;

export const isIntegrationContext = (value: string): value is IntegrationContext =>
  (INTEGRATION_CONTEXTS as readonly string[]).includes(value);

/** The CloudEvent type of an integration event: `redtape.procedures.FeeChanged.v1`. */
export const ceTypeOf = (context: IntegrationContext, type: string, version: number): string =>
  `redtape.${context}.${type}.v${version}`;

/** The topic a context's integration events go to. */
export const topicOf = (context: IntegrationContext): string => `redtape.${context}.events.v1`;

export function parseCeType(
  ceType: string,
): { context: IntegrationContext; type: string; version: number } | null {
  const match = CE_TYPE.exec(ceType);
  if (!match || !isIntegrationContext(match[1]!)) return null;
  return { context: match[1], type: match[2]!, version: Number(match[3]) };
}

export const schemaPath = (context: IntegrationContext, type: string, version: number): string =>
  join(SCHEMAS_DIR, context, `${type}.v${version}.schema.json`);

export class MissingIntegrationEventSchema extends Error {
  constructor(readonly ceType: string) {
    super(`no JSON Schema for ${ceType} under contracts/schemas/`);
  }
}

/** The JSON Schema of one integration event type and version, freshly read from its file. */
export function schemaFor(context: IntegrationContext, type: string, version: number): SchemaObject {
  const path = schemaPath(context, type, version);
  if (!existsSync(path)) throw new MissingIntegrationEventSchema(ceTypeOf(context, type, version));
  return JSON.parse(readFileSync(path, 'utf8')) as SchemaObject;
}

export type SchemaFile = {
  readonly context: IntegrationContext;
  readonly type: string;
  readonly version: number;
  /** Relative to contracts/, as the AsyncAPI document refers to it. */
  readonly relativePath: string;
};

/** Every schema file of a context, whatever the catalogs say, so that stray files show up too. */
export function schemaFilesOf(context: IntegrationContext): SchemaFile[] {
  const dir = join(SCHEMAS_DIR, context);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const match = SCHEMA_FILE.exec(file);
      if (!match)
        throw new Error(`contracts/schemas/${context}/${file} is not named <EventType>.v<n>.schema.json`);
      return {
        context,
        type: match[1]!,
        version: Number(match[2]),
        relativePath: `schemas/${context}/${file}`,
      };
    });
}

export type IntegrationEventValidation =
  { readonly valid: true } | { readonly valid: false; readonly errors: readonly string[] };

// One Ajv per process: schemas carry an $id, and an Ajv instance compiles each $id once.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
// ajv-formats is CommonJS with `exports.default`; Node gives ESM the whole module.exports.
ajvFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorFor(context: IntegrationContext, type: string, version: number): ValidateFunction {
  const ceType = ceTypeOf(context, type, version);
  let validate = validators.get(ceType);
  if (!validate) {
    validate = ajv.compile(schemaFor(context, type, version));
    validators.set(ceType, validate);
  }
  return validate;
}

const explain = (error: ErrorObject): string => {
  const at = error.instancePath === '' ? '(value)' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties' ? `: ${String(error.params['additionalProperty'])}` : '';
  return `${at} ${error.message ?? error.keyword}${extra}`;
};

/**
 * Checks a Kafka record's value (parsed JSON) against the schema its `ce_type` header names, on the
 * topic of `context`. Never throws for bad input: a wrong context, an unknown type or version and a
 * value that does not fit are all reasons in the result.
 */
export function validateIntegrationEvent(
  context: IntegrationContext,
  ceType: string,
  value: unknown,
): IntegrationEventValidation {
  const parsed = parseCeType(ceType);
  if (!parsed) return { valid: false, errors: [`${ceType} is not a redtape integration event type`] };
  if (parsed.context !== context)
    return { valid: false, errors: [`${ceType} belongs to ${parsed.context}, not ${context}`] };
  if (!existsSync(schemaPath(context, parsed.type, parsed.version)))
    return { valid: false, errors: [new MissingIntegrationEventSchema(ceType).message] };
  const validate = validatorFor(context, parsed.type, parsed.version);
  if (validate(value)) return { valid: true };
  return { valid: false, errors: (validate.errors ?? []).map(explain) };
}
