import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListSize, LocalDateScalar } from '@redtape/service-kit';
import { InstructionStatus, MeetingLevel } from './enums.js';

// Under ESM with decorator metadata a type must be declared before any type that references it.

@ObjectType({ description: 'A state authority; owned by the regions subgraph.' })
@Directive('@key(fields: "id", resolvable: false)')
export class Authority {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'An administrative unit; owned by the regions subgraph.' })
@Directive('@key(fields: "id")')
export class AdministrativeUnit {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'An administrative procedure; owned by the procedures subgraph.' })
@Directive('@key(fields: "id")')
export class Procedure {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'A position an official holds or held in an authority.' })
export class Position {
  @Field(() => Authority) authority!: Authority;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @Field(() => String, { description: 'e.g. Akim, Mayor, Deputy chairman.' }) title!: string;
  @Field(() => Boolean, {
    description: 'The head of the authority answers personally for the unit’s reform.',
  })
  head!: boolean;
  @Field(() => LocalDateScalar) appointedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) relievedOn!: string | null;
}

@ObjectType({ description: 'How an official or a unit delivers on instructions and on the reform.' })
export class Scorecard {
  @Field(() => Int, { description: 'Instructions completed by their deadline.' }) onTime!: number;
  @Field(() => Int) completedLate!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int, { description: 'Issued or in progress, deadline not yet passed.' }) open!: number;
  @Field(() => Int, { description: 'Open instructions whose assignee was relieved and not yet replaced.' })
  unassigned!: number;
  @Field(() => Int, {
    description:
      'Procedures in force (ACTIVE, UNDER_REVIEW or SIMPLIFIED, as the reform metrics count them) that the official or the units answer for.',
  })
  proceduresResponsible!: number;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The pilot enrollment date the two measures below count from.',
  })
  baselineDate!: string | null;
  @Field(() => Int, {
    description: 'Net, from the baseline on: requirements removed less those added.',
  })
  requirementsRemovedSinceBaseline!: number;
  @Field(() => Int, {
    description: 'Net, from the baseline on: decision days cut less those added (60 → 20 → 90 → 20 is 40).',
  })
  decisionDaysCutSinceBaseline!: number;
  @Field(() => Int, { description: 'Procedures merged into another from the baseline on.' })
  proceduresMergedSinceBaseline!: number;
  @Field(() => Int, { description: 'Procedures abolished from the baseline on, less those reinstated.' })
  proceduresAbolishedSinceBaseline!: number;
}

@ObjectType({ description: 'A measured result reported with progress.' })
export class Figure {
  @Field(() => String) name!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { nullable: true }) unit!: string | null;
}

@ObjectType({ description: 'A person holding or having held positions in state authorities.' })
@Directive('@key(fields: "id")')
export class Official {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @ListSize(10)
  @Field(() => [Position], { description: 'Every appointment, oldest first.' })
  positions!: Position[];
  @Field(() => Position, { nullable: true }) currentPosition!: Position | null;
  @Field(() => Int) revision!: number;
}

@ObjectType({ description: 'Progress reported on an instruction or on a unit’s reform.' })
export class ProgressReport {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) reportedOn!: string;
  @Field(() => String) text!: string;
  @ListSize(10)
  @Field(() => [Figure])
  figures!: Figure[];
  @Field(() => ID, { nullable: true }) instructionId!: string | null;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  byOfficialId!: string;
}

@ObjectType({ description: 'A Cabinet or regional meeting where progress is heard and instructions issued.' })
export class Meeting {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) heldOn!: string;
  @Field(() => MeetingLevel) level!: MeetingLevel;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @Field(() => String) title!: string;
  @Field(() => String) chair!: string;
  @ListSize(20)
  @Field(() => [String])
  agenda!: string[];
}

@ObjectType({ description: 'An instruction issued to an official or an authority, with a deadline.' })
@Directive('@key(fields: "id")')
export class Instruction {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => LocalDateScalar) issuedOn!: string;
  @Field(() => LocalDateScalar, { description: 'A date in Asia/Bishkek; overdue from the next day.' })
  deadline!: string;
  @Field(() => InstructionStatus) status!: InstructionStatus;
  @Field(() => Boolean, { description: 'Its assignee was relieved and nobody has taken it over yet.' })
  unassigned!: boolean;
  @Field(() => Authority, { nullable: true }) authority!: Authority | null;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @Field(() => LocalDateScalar, { nullable: true }) completedOn!: string | null;
  @Field(() => Int) revision!: number;
  assigneeOfficialId!: string | null;
  meetingId!: string | null;
}
