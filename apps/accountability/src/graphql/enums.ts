import { registerEnumType } from '@nestjs/graphql';

export enum InstructionStatus {
  ISSUED = 'ISSUED',
  IN_PROGRESS = 'IN_PROGRESS',
  OVERDUE = 'OVERDUE',
  COMPLETED = 'COMPLETED',
  COMPLETED_LATE = 'COMPLETED_LATE',
}

export enum MeetingLevel {
  CABINET = 'CABINET',
  REGIONAL = 'REGIONAL',
}

registerEnumType(InstructionStatus, {
  name: 'InstructionStatus',
  description:
    'ISSUED → IN_PROGRESS (on a report) → COMPLETED; OVERDUE once the deadline passed uncompleted → COMPLETED_LATE.',
});
registerEnumType(MeetingLevel, { name: 'MeetingLevel' });
