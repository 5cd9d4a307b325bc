export { RequiredTextMissing, TextTooLong, optionalText, requiredText } from '@redtape/event-sourcing';

export const MAX_NAME_LENGTH = 200;
