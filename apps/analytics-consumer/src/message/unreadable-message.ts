/**
 * A message this consumer cannot read: a missing or malformed header, a value that is not a JSON
 * object, or a payload without a field the metrics need. It is set aside (`rejected_messages`) with
 * this reason instead of stopping the partition.
 */
export class UnreadableMessage extends Error {
  constructor(
    reason: string,
    /** The ce_id, when the headers got that far. */
    readonly eventId?: string,
  ) {
    super(reason);
    this.name = new.target.name;
  }
}
