import { UnreadableMessage } from './unreadable-message.js';

/** Reads the fields the metrics need from a message value, naming the field when one is missing. */
export class Payload {
  constructor(
    private readonly data: Readonly<Record<string, unknown>>,
    private readonly ceType: string,
    private readonly eventId: string,
  ) {}

  text(field: string): string {
    const value = this.data[field];
    if (typeof value !== 'string' || value === '') throw this.wrong(field, 'a non-empty string', value);
    return value;
  }

  /** A whole number ≥ 0 (a count of days or of requirements). */
  count(field: string): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      throw this.wrong(field, 'a whole number ≥ 0', value);
    return value;
  }

  list(field: string): readonly unknown[] {
    const value = this.data[field];
    if (!Array.isArray(value)) throw this.wrong(field, 'an array', value);
    return value;
  }

  private wrong(field: string, expected: string, value: unknown): UnreadableMessage {
    const got = value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 80);
    return new UnreadableMessage(`${this.ceType}: ${field} must be ${expected}, got ${got}`, this.eventId);
  }
}
