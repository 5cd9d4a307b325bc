import { publishedEventGuard } from '@redtape/event-sourcing';
import type { ProceduresIntegrationData } from '../integration-events.js';

/** Narrows a published procedures event to one type: the catalog's mapping built its data. */
export const publishedAs = publishedEventGuard<ProceduresIntegrationData>();
