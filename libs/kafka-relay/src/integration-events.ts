// The contract a context publishes belongs to the kernel (other contexts read it too); the relay's
// modules keep importing it from here.
export {
  COMMON_FIELDS,
  IntegrationMappingFailed,
  InvalidIntegrationContract,
  UnmappedEventType,
  assertValidCatalog,
  assertValidContext,
  assertValidFilter,
  publishedFormOf,
  toIntegrationEvent,
  withCommonPart,
  type IntegrationContract,
  type IntegrationEvent,
  type IntegrationEventCatalog,
  type IntegrationEventDefinition,
  type PublishedEvent,
} from '@redtape/event-sourcing';
