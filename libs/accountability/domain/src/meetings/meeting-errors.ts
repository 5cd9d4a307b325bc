import { DomainError } from '@redtape/event-sourcing';

export class MeetingAlreadyHeld extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} is already recorded with other details; it cannot be recorded again`);
  }
}
