import { CommandHandler, type Actor } from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import {
  accountabilityUpcasters,
  bishkekDate,
  instructionDecider,
  instructionStream,
  type InstructionCommand,
  type InstructionEvent,
  type InstructionState,
} from '@redtape/accountability-domain';

export const DEADLINE_WATCHER: Actor = { id: 'deadline-watcher', role: 'system', name: 'deadline watcher' };

export interface OverdueCandidates {
  /** Ids of instructions still open whose deadline is before `today`. */
  openInstructionsPastDeadline(today: string): Promise<string[]>;
}

/**
 * Appends InstructionBecameOverdue for every open instruction whose deadline (a date in Asia/Bishkek)
 * has passed. Exactly once, however many replicas watch and however often they restart: the command id
 * is derived from the instruction, so a second attempt finds it in the stream, and a racing append
 * loses on the expected revision, decides again and finds the instruction overdue already.
 */
export class DeadlineWatcher {
  private readonly instructions: CommandHandler<InstructionCommand, InstructionEvent, InstructionState>;

  constructor(
    store: EventStore,
    private readonly candidates: OverdueCandidates,
    private readonly clock: () => Date,
  ) {
    this.instructions = new CommandHandler(store, instructionDecider, accountabilityUpcasters);
  }

  /** One pass; returns the ids it marked overdue now. */
  async tick(): Promise<{ marked: string[]; positions: bigint[] }> {
    const now = this.clock();
    const today = bishkekDate(now);
    const marked: string[] = [];
    const positions: bigint[] = [];
    for (const instructionId of await this.candidates.openInstructionsPastDeadline(today)) {
      const outcome = await this.instructions.handle(
        instructionStream(instructionId),
        {
          type: 'MarkInstructionOverdue',
          data: { today },
          metadata: {
            commandId: `overdue.${instructionId.replace(/[^A-Za-z0-9_.:-]/g, '_')}`,
            actor: DEADLINE_WATCHER,
            now,
          },
        } as InstructionCommand,
        { retriesOnConflict: 3 },
      );
      if (outcome.appended.length > 0) {
        marked.push(instructionId);
        if (outcome.position !== undefined) positions.push(outcome.position);
      }
    }
    return { marked, positions };
  }
}
