import { Field, InputType, Int } from '@nestjs/graphql';

/** Fields every mutation input shares: safe retries, optimistic concurrency, and why. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'Your id for this change; sending it again appends nothing.',
  })
  commandId?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The revision you read; the change is refused with CONFLICT if it moved on.',
  })
  expectedRevision?: number | null;
  @Field(() => String, { nullable: true, description: 'Why the change is made; kept in the history.' })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'The legal act the change rests on, if any.' })
  legalBasis?: string | null;
}
