// The contract a context publishes belongs to the kernel (other contexts read it too); the relay's
// modules keep importing it from here.
export {
  COMMON_FIELDS,
  publishedEventGuard,
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
  type PublishedEventOf,
} from '@redtape/event-sourcing';
