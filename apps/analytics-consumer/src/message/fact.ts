/**
 * The part of an event's payload the metrics fold, read once when the message is decoded so that the
 * transaction only writes. Everything else in the payload is ignored (a tolerant reader: new fields
 * and new event types do not break this consumer).
 */
export type Fact =
  | {
      readonly kind: 'procedure-registered';
      readonly procedureId: string;
      readonly unitId: string;
      readonly status: string;
      readonly requirements: number;
      readonly decisionDays: number;
    }
  | {
      readonly kind: 'procedure-changed';
      readonly procedureId: string;
      /** +1 when a requirement was added, -1 when one was removed, else 0. */
      readonly requirementsDelta: number;
      /** The new decision time, when the event changed it. */
      readonly decisionDays: number | null;
      /** The status the event left the procedure in, when it is a lifecycle event. */
      readonly status: string | null;
      readonly abolished: boolean;
    }
  | { readonly kind: 'instruction-issued'; readonly instructionId: string; readonly unitId: string }
  | { readonly kind: 'instruction-completed'; readonly instructionId: string }
  | { readonly kind: 'instruction-overdue'; readonly instructionId: string }
  /** A type the metrics fold, in a version this consumer cannot read yet. */
  | { readonly kind: 'unsupported-version'; readonly ceType: string }
  /** Nothing for the metrics; the event still counts for dedupe and gap detection. */
  | { readonly kind: 'none' };

export const NO_FACT: Fact = { kind: 'none' };
