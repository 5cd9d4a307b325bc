import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { CommandInput, LocalDateScalar } from '@redtape/service-kit';
import { MeetingLevel } from './enums.js';

@InputType()
export class FigureInput {
  @Field(() => String) name!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { nullable: true }) unit?: string | null;
}

@InputType()
export class RegisterOfficialInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to a new id.' }) officialId?: string | null;
  @Field(() => String) name!: string;
}

@InputType()
export class AppointOfficialInput extends CommandInput {
  @Field(() => ID) officialId!: string;
  @Field(() => ID, { description: 'e.g. district-akimat/nookat' }) authorityId!: string;
  @Field(() => String, { description: 'e.g. Akim' }) title!: string;
  @Field(() => Boolean, {
    description:
      'Head of the authority: personally responsible for the unit. Required, never assumed: a deputy is not a head, and an authority has one head at a time.',
  })
  head!: boolean;
  @Field(() => LocalDateScalar) appointedOn!: string;
}

@InputType()
export class RelieveOfficialInput extends CommandInput {
  @Field(() => ID) officialId!: string;
  @Field(() => ID) authorityId!: string;
  @Field(() => LocalDateScalar) relievedOn!: string;
}

@InputType()
export class AssignProcedureResponsibilityInput extends CommandInput {
  @Field(() => ID) procedureId!: string;
  @Field(() => ID) officialId!: string;
  @Field(() => LocalDateScalar) assignedOn!: string;
}

@InputType()
export class HoldMeetingInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to a new id.' }) meetingId?: string | null;
  @Field(() => LocalDateScalar) heldOn!: string;
  @Field(() => MeetingLevel) level!: MeetingLevel;
  @Field(() => ID, { defaultValue: 'country/kg', description: 'The unit the meeting is about.' })
  unitId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The chair as minuted.' }) chair!: string;
  @Field(() => ID, { nullable: true }) chairOfficialId?: string | null;
  @Field(() => [String], { defaultValue: [] }) agenda!: string[];
}

@InputType()
export class IssueInstructionInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to a new id.' }) instructionId?: string | null;
  @Field(() => ID, { nullable: true }) meetingId?: string | null;
  @Field(() => String) text!: string;
  @Field(() => LocalDateScalar) issuedOn!: string;
  @Field(() => LocalDateScalar, { description: 'A date in Asia/Bishkek.' }) deadline!: string;
  @Field(() => ID, { nullable: true, description: 'The official who answers for it…' }) assigneeOfficialId?:
    string | null;
  @Field(() => ID, { nullable: true, description: '…or the authority whose head does.' }) authorityId?:
    string | null;
}

@InputType()
export class ReportProgressInput extends CommandInput {
  @Field(() => ID) instructionId!: string;
  @Field(() => LocalDateScalar) reportedOn!: string;
  @Field(() => String) text!: string;
  @Field(() => [FigureInput], { defaultValue: [] }) figures!: FigureInput[];
}

@InputType()
export class CompleteInstructionInput extends CommandInput {
  @Field(() => ID) instructionId!: string;
  @Field(() => LocalDateScalar) completedOn!: string;
}

@InputType()
export class ReassignInstructionInput extends CommandInput {
  @Field(() => ID) instructionId!: string;
  @Field(() => ID) toOfficialId!: string;
  @Field(() => LocalDateScalar) reassignedOn!: string;
}

@InputType()
export class ReportUnitProgressInput extends CommandInput {
  @Field(() => ID) unitId!: string;
  @Field(() => ID, { nullable: true }) meetingId?: string | null;
  @Field(() => LocalDateScalar) reportedOn!: string;
  @Field(() => String) text!: string;
  @Field(() => [FigureInput], { defaultValue: [] }) figures!: FigureInput[];
}
