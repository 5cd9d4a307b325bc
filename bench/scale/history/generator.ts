/**
 * Writes a realistic history through the domain: the reference data of the real administrative units
 * (the regions domain's own reference-data commands, as the regions service records them at start),
 * then procedures registered by every authority and changed over time, officials appointed and
 * relieved, meetings, instructions with deadlines, progress reports, completions and the deadline
 * watcher's overdue marks, all decided by the real deciders and appended with the kernel's event form.
 *
 * Deterministic: one seed gives one history (every choice comes from `Random`). Size-independent
 * probes: the procedures of `city/tokmok` come from a cohort of their own, drawn from a sequence of
 * their own and placed at fixed fractions of the history, so that Tokmok's procedures, the probe
 * procedure's audit trail and the mutation target are the same data at 10k and at 1M events: what a
 * query costs there then depends on the size of the log, not on how much Tokmok has.
 */
import {
  instructionDecider,
  instructionStream,
  meetingDecider,
  meetingStream,
  officialDecider,
  officialStream,
  procedureResponsibilityStream,
  RESPONSIBILITY_STREAM_PREFIX,
  responsibilityDecider,
  UNIT_REPORT_STREAM_PREFIX,
  unitReportDecider,
  unitReportStream,
  bishkekDate,
  type InstructionCommand,
  type MeetingCommand,
  type OfficialCommand,
  type ResponsibilityCommand,
  type UnitReportCommand,
} from '@redtape/accountability-domain';
import {
  entityIdFor,
  partIdFor,
  requestDigestOf,
  CommandHandler,
  type Actor,
  type CommandMetadata,
} from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import {
  procedureDecider,
  procedureIdOfStream,
  procedureStream,
  type ProcedureCommand,
  type ProcedureDocument,
  type ProcedureState,
  type Requirement,
  type Step,
} from '@redtape/procedures-domain';
import {
  authorityDecider,
  REFORM_STAGE_STREAM_PREFIX,
  referenceDataCommands,
  reformStageDecider,
  unitDecider,
  type AuthorityEstablishedData,
  type KgAdminUnitsDataset,
} from '@redtape/regions-domain';
import { DomainWriter } from './domain-writer.js';
import {
  INSTRUCTION_TEXTS,
  LEGAL_BASES,
  OFFICES,
  POSITION_TITLES,
  PROCEDURE_TITLES,
  REASONS,
  REQUIREMENT_NAMES,
  STEP_DESCRIPTIONS,
  nextDecisionDays,
  nextFee,
  nextProcedureChange,
  officialName,
  procedureLifeLength,
  type ProcedureChange,
} from './mix.js';
import { Random } from './random.js';

/** Bump when a change here changes the history a seed gives: it is part of the cache key. */
export const GENERATOR_VERSION = 4;

/** 09:00 in Bishkek on 2025-01-06 to 2026-09-30: the history's span of simulated time. */
export const HISTORY_STARTS = new Date('2025-01-06T03:00:00Z');
export const HISTORY_ENDS = new Date('2026-09-30T03:00:00Z');
const DAY_MS = 86_400_000;
const LAST_DEADLINE = bishkekDate(new Date(HISTORY_ENDS.getTime() - DAY_MS));

export const PROBE_UNIT = 'city/tokmok';
export const PROBE_AUTHORITY = 'mayors-office/tokmok';
/** Procedures of the probe unit, the same at every size. */
const PROBE_COHORT = 40;
/** Events of the procedure whose audit trail and `procedureAsOf` the bench reads. */
export const PROBE_PROCEDURE_EVENTS = 25;
/** The probe cohort's commands fall within this fraction of the history. */
const PROBE_SPAN = 0.9;

const COUNTRY = 'country/kg';
/** From this many events on, a procedure's history is a long stream. */
const LONG_STREAM = 200;
/** The accountability service's deadline watcher, as it signs the overdue marks it appends. */
const DEADLINE_WATCHER: Actor = { id: 'deadline-watcher', role: 'system', name: 'deadline watcher' };
const CABINET: Actor = { id: 'generated-cabinet-staff', role: 'cabinet', name: 'Cabinet staff (generated)' };

export interface HistoryPlan {
  /** Events to write after the reference data; the history ends a little past it (closing overdue marks). */
  readonly events: number;
  readonly seed: string;
}

export interface HistoryManifest {
  readonly generatorVersion: number;
  readonly seed: string;
  readonly targetEvents: number;
  readonly events: number;
  readonly appends: number;
  readonly headPosition: string;
  readonly referenceDataEvents: number;
  readonly eventsByCategory: Record<string, number>;
  readonly procedures: number;
  readonly longestProcedure: { readonly procedureId: string; readonly events: number };
  readonly probe: {
    readonly unitId: string;
    readonly authorityId: string;
    readonly procedureId: string;
    readonly procedureEvents: number;
    readonly mutationTargetId: string;
    readonly unitProcedures: number;
  };
  readonly officials: number;
  readonly instructions: number;
  readonly meetings: number;
  readonly historyStarts: string;
  readonly historyEnds: string;
  readonly generationMs: number;
}

export type ProgressListener = (events: number) => void;

interface AuthorityFacts {
  readonly authorityId: string;
  readonly unitId: string;
  readonly level: ProcedureDocument['level'];
  readonly kind: string;
}

interface ActiveProcedure {
  readonly procedureId: string;
  readonly authority: AuthorityFacts;
  remaining: number;
  /** Content changes only: the probe and the mutation target stay in force. */
  readonly contentOnly: boolean;
}

interface ActiveInstruction {
  readonly instructionId: string;
  readonly unitId: string;
  readonly deadline: string;
  assignee: string | null;
  overdue: boolean;
}

interface Position {
  readonly officialId: string;
  readonly authority: AuthorityFacts;
  readonly head: boolean;
}

const CONTENT_CHANGES = new Set<ProcedureChange>([
  'AddRequirement',
  'RemoveRequirement',
  'ReplaceRequirement',
  'AddStep',
  'RemoveStep',
  'ReorderSteps',
  'ChangeDecisionTime',
  'ChangeFee',
  'ChangeLegalBasis',
  'StartReview',
  'FinishReview',
  'ActivateProcedure',
]);

/** The generator for one history; `run` writes it. */
export class HistoryGenerator {
  private readonly random: Random;
  private readonly probeRandom: Random;
  private readonly writer: DomainWriter;
  private authorities: AuthorityFacts[] = [];
  private probeAuthority: AuthorityFacts | undefined;
  private readonly procedures = new Map<string, { unitId: string; status: string; cohort: boolean }>();
  private readonly active: ActiveProcedure[] = [];
  /** Long streams, each changed on a schedule of its own over the rest of the history. */
  private readonly longActive: { entry: ActiveProcedure; nextAt: number; every: number }[] = [];
  /** Indexed by place in the probe cohort; undefined until registered. */
  private readonly probeActive: (ActiveProcedure | undefined)[] = [];
  private readonly instructions: ActiveInstruction[] = [];
  private readonly heads = new Map<string, Position>();
  private readonly deputies: Position[] = [];
  private readonly responsible = new Map<string, string>();
  private readonly meetings: { meetingId: string; heldOn: string; unitId: string }[] = [];
  private readonly eventsByCategory: Record<string, number> = {};
  private readonly streamLengths = new Map<string, number>();
  private officialSerial = 0;
  private instructionCount = 0;
  private meetingCount = 0;
  private referenceDataEvents = 0;
  private progress = 0;
  private clockOverride: Date | undefined;
  private probeProcedureId = '';
  private mutationTargetId = '';
  private longest = { procedureId: '', events: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly plan: HistoryPlan,
    private readonly onProgress: ProgressListener = () => undefined,
  ) {
    if (!Number.isSafeInteger(plan.events) || plan.events < 1000)
      throw new RangeError(`a history needs at least 1,000 events, not ${plan.events}`);
    this.random = new Random(`history:${plan.seed}`);
    this.probeRandom = new Random(`probe-cohort:${plan.seed}`);
    this.writer = new DomainWriter(store);
  }

  async run(dataset: KgAdminUnitsDataset): Promise<HistoryManifest> {
    const started = performance.now();
    await this.recordReferenceData(dataset);
    await this.appointFirstHeads();
    const schedule = this.probeSchedule();
    const poolSize = Math.max(50, Math.min(2000, Math.round(this.plan.events / 50)));
    let nextProbe = 0;
    let lastWatch = 0;
    let lastReport = 0;
    while (this.writer.appendedEvents - this.referenceDataEvents < this.plan.events) {
      this.progress = (this.writer.appendedEvents - this.referenceDataEvents) / this.plan.events;
      while (nextProbe < schedule.length && schedule[nextProbe]!.at <= this.progress)
        await this.probeStep(schedule[nextProbe++]!);
      await this.longStreamSteps();
      await this.step(poolSize);
      if (this.writer.appends - lastWatch >= 500) {
        lastWatch = this.writer.appends;
        await this.watchDeadlines(bishkekDate(this.now()));
      }
      if (this.writer.appends - lastReport >= 200) {
        lastReport = this.writer.appends;
        this.onProgress(this.writer.appendedEvents);
        // The SQLite adapter completes appends synchronously: let timers (the progress bar) run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    while (nextProbe < schedule.length) await this.probeStep(schedule[nextProbe++]!);
    // The history ends: every instruction still open has passed its deadline by the next day, so the
    // watcher of a service started on this store later finds nothing left to mark.
    this.clockOverride = new Date(HISTORY_ENDS.getTime() + DAY_MS);
    await this.watchDeadlines(bishkekDate(this.clockOverride));
    this.onProgress(this.writer.appendedEvents);
    const head = await this.store.headPosition();
    return {
      generatorVersion: GENERATOR_VERSION,
      seed: this.plan.seed,
      targetEvents: this.plan.events,
      events: this.writer.appendedEvents,
      appends: this.writer.appends,
      headPosition: String(head ?? 0n),
      referenceDataEvents: this.referenceDataEvents,
      eventsByCategory: this.eventsByCategory,
      procedures: this.procedures.size,
      longestProcedure: this.longest,
      probe: {
        unitId: PROBE_UNIT,
        authorityId: PROBE_AUTHORITY,
        procedureId: this.probeProcedureId,
        procedureEvents: this.streamLengths.get(procedureStream(this.probeProcedureId)) ?? 0,
        mutationTargetId: this.mutationTargetId,
        unitProcedures: [...this.procedures.values()].filter((p) => p.cohort).length,
      },
      officials: this.officialSerial,
      instructions: this.instructionCount,
      meetings: this.meetingCount,
      historyStarts: HISTORY_STARTS.toISOString(),
      historyEnds: HISTORY_ENDS.toISOString(),
      generationMs: Math.round(performance.now() - started),
    };
  }

  // ---- time, actors, metadata ------------------------------------------------------------------

  /** Simulated time follows the share of the history written, so dates are the same at every size. */
  private now(at = this.progress): Date {
    if (this.clockOverride) return this.clockOverride;
    const span = HISTORY_ENDS.getTime() - HISTORY_STARTS.getTime();
    return new Date(HISTORY_STARTS.getTime() + Math.floor(span * Math.min(1, at)));
  }

  private today(at?: number): string {
    return bishkekDate(this.now(at));
  }

  private officialOf(authority: AuthorityFacts): Actor {
    return {
      id: `generated-staff.${authority.authorityId.replace(/\//g, '.')}`,
      role: 'official',
      name: `Staff of ${authority.authorityId} (generated)`,
      unitId: authority.unitId,
    };
  }

  private metadata(
    random: Random,
    actor: Actor,
    request: object,
    at?: number,
    why: { reason?: string; legalBasis?: string } = {},
  ): CommandMetadata {
    return {
      commandId: random.uuid(),
      actor,
      now: this.now(at),
      requestDigest: requestDigestOf({ ...request, ...why }),
      ...why,
    };
  }

  private why(random: Random, legal = 0.3): { reason: string; legalBasis?: string } {
    return {
      reason: random.pick(REASONS),
      ...(random.chance(legal) ? { legalBasis: random.pick(LEGAL_BASES) } : {}),
    };
  }

  private counted(streamId: string, events: number): void {
    if (events === 0) return;
    const category = streamId.startsWith(RESPONSIBILITY_STREAM_PREFIX)
      ? 'responsibility'
      : streamId.startsWith(UNIT_REPORT_STREAM_PREFIX)
        ? 'progress-report'
        : streamId.startsWith(REFORM_STAGE_STREAM_PREFIX)
          ? 'reform-stage'
          : streamId.slice(0, streamId.indexOf('-'));
    this.eventsByCategory[category] = (this.eventsByCategory[category] ?? 0) + events;
    if (category === 'procedure') {
      const length = (this.streamLengths.get(streamId) ?? 0) + events;
      this.streamLengths.set(streamId, length);
      if (length > this.longest.events)
        this.longest = { procedureId: procedureIdOfStream(streamId), events: length };
    }
  }

  // ---- reference data and the first heads ------------------------------------------------------

  /** The regions service's own load: the same commands, so its start on this store appends nothing. */
  private async recordReferenceData(dataset: KgAdminUnitsDataset): Promise<void> {
    const handlers = {
      unit: new CommandHandler(this.store, unitDecider),
      authority: new CommandHandler(this.store, authorityDecider),
      stage: new CommandHandler(this.store, reformStageDecider),
    };
    for (const { streamId, command } of referenceDataCommands(dataset, { now: HISTORY_STARTS })) {
      const outcome =
        command.type === 'StartReformStage'
          ? await handlers.stage.handle(streamId, command)
          : command.type === 'EstablishAuthority'
            ? await handlers.authority.handle(streamId, command)
            : await handlers.unit.handle(streamId, command);
      this.referenceDataEvents += outcome.appended.length;
      this.counted(streamId, outcome.appended.length);
      for (const event of outcome.appended)
        if (event.type === 'AuthorityEstablished') {
          const data = event.data as unknown as AuthorityEstablishedData;
          const facts = {
            authorityId: data.authorityId,
            unitId: data.unitId,
            level: data.level,
            kind: data.kind,
          };
          if (data.authorityId === PROBE_AUTHORITY) this.probeAuthority = facts;
          else this.authorities.push(facts);
        }
    }
    if (!this.probeAuthority) throw new Error(`the reference data has no ${PROBE_AUTHORITY}`);
    // The reference data is not part of the plan's events; the writer counts only what it appended.
    this.writer.appendedEvents += this.referenceDataEvents;
  }

  private async appointFirstHeads(): Promise<void> {
    for (const authority of [...this.authorities, this.probeAuthority!]) await this.appointHead(authority, 0);
  }

  // ---- the main mix ----------------------------------------------------------------------------

  private async step(poolSize: number): Promise<void> {
    const kind = this.random.weighted({
      procedure: 76,
      instruction: this.instructions.length > 0 ? 9 : 0,
      issue: this.meetings.length > 0 ? 4.5 : 0,
      meeting: 0.4,
      turnover: 0.35,
      deputy: 0.5,
      responsibility: 1.5,
      unitReport: 1.5,
    });
    switch (kind) {
      case 'procedure':
        return this.active.length < poolSize || this.random.chance(0.02)
          ? this.registerProcedure()
          : this.changeProcedure(this.active, this.random, this.random.int(0, this.active.length - 1));
      case 'instruction':
        return this.instructionStep();
      case 'issue':
        return this.issueInstruction();
      case 'meeting':
        return this.holdMeeting();
      case 'turnover':
        return this.turnover();
      case 'deputy':
        return this.deputyStep();
      case 'responsibility':
        return this.assignResponsibility();
      case 'unitReport':
        return this.reportUnitProgress();
    }
  }

  private async probeStep({ at, cohortIndex }: { at: number; cohortIndex: number }): Promise<void> {
    this.probeAt = at;
    const entry = this.probeActive[cohortIndex];
    if (entry === undefined) await this.registerProcedure(true, cohortIndex);
    else if (entry.remaining > 0)
      await this.changeProcedure(this.probeActive, this.probeRandom, cohortIndex, true);
    this.probeAt = undefined;
  }

  private async longStreamSteps(): Promise<void> {
    for (let i = 0; i < this.longActive.length; i++) {
      const scheduled = this.longActive[i]!;
      if (scheduled.nextAt > this.progress) continue;
      scheduled.nextAt += scheduled.every;
      const pool = [scheduled.entry];
      await this.changeProcedure(pool, this.random, 0);
      if (pool.length === 0 || scheduled.entry.remaining <= 0) {
        this.longActive.splice(i, 1);
        i -= 1;
      }
    }
  }

  /**
   * The probe cohort's commands at fixed fractions of the history, from its own sequence: the first
   * command of each procedure registers it; procedure 0 is the probe (25 events), 1 the mutation target.
   */
  private probeSchedule(): { at: number; cohortIndex: number }[] {
    this.probeLengths = Array.from({ length: PROBE_COHORT }, (_, i) =>
      i === 0 ? PROBE_PROCEDURE_EVENTS : i === 1 ? 10 : Math.min(50, procedureLifeLength(this.probeRandom)),
    );
    const schedule = this.probeLengths.flatMap((length, cohortIndex) =>
      Array.from({ length }, () => ({ at: this.probeRandom.next() * PROBE_SPAN, cohortIndex })),
    );
    return schedule.sort((a, b) => a.at - b.at || a.cohortIndex - b.cohortIndex);
  }

  private probeLengths: number[] = [];

  private async registerProcedure(probe = false, cohortIndex = 0): Promise<void> {
    const random = probe ? this.probeRandom : this.random;
    const authority = probe ? this.probeAuthority! : random.pick(this.authorities);
    const [title, category] = random.pick(PROCEDURE_TITLES);
    const names = random.shuffled(REQUIREMENT_NAMES).slice(0, random.int(2, 10));
    const descriptions = random.shuffled(STEP_DESCRIPTIONS).slice(0, random.int(2, 6));
    const request = {
      authorityId: authority.authorityId,
      title: `${title} (${authority.unitId.split('/')[1]}, form ${random.int(1, 99)})`,
      category,
      requirements: names.map((name) => ({ name, originals: random.int(0, 1), copies: random.int(1, 2) })),
      steps: descriptions.map((description) => ({ description, office: random.pick(OFFICES) })),
      decisionDays: random.int(5, 60),
      feeSom: random.chance(0.6) ? random.int(1, 400) * 5 : null,
      procedureLegalBasis: random.pick(LEGAL_BASES),
      asDraft: !probe && random.chance(0.1),
    };
    const metadata = this.metadata(random, this.officialOf(authority), request, this.atFor(probe));
    const procedureId = entityIdFor('procedure', metadata);
    const command: ProcedureCommand = {
      type: 'RegisterProcedure',
      data: {
        procedureId,
        authorityId: authority.authorityId,
        unitId: authority.unitId,
        level: authority.level,
        title: request.title,
        category,
        requirements: request.requirements.map((r, i): Requirement => ({
          requirementId: partIdFor('r', metadata, i),
          name: r.name,
          originals: r.originals,
          copies: r.copies,
          note: null,
        })),
        steps: request.steps.map((s, i): Step => ({
          stepId: partIdFor('s', metadata, i),
          description: s.description,
          office: s.office,
        })),
        decisionDays: request.decisionDays,
        fee: request.feeSom === null ? null : { tyiyn: request.feeSom * 100, currency: 'KGS' },
        legalBasis: request.procedureLegalBasis,
        asDraft: request.asDraft,
      },
      metadata,
    };
    const streamId = procedureStream(procedureId);
    const appended = await this.writer.handle(procedureDecider, streamId, command);
    this.counted(streamId, appended.length);
    this.procedures.set(procedureId, {
      unitId: authority.unitId,
      status: request.asDraft ? 'DRAFT' : 'ACTIVE',
      cohort: probe,
    });
    const drawn = probe ? this.probeLengths[cohortIndex]! : procedureLifeLength(random);
    const long = !probe && drawn >= LONG_STREAM;
    // A long stream stays within 2 % of the history, and in force: merging or abolishing would cut it.
    const length = long ? Math.max(LONG_STREAM, Math.min(drawn, Math.floor(this.plan.events / 50))) : drawn;
    const entry = {
      procedureId,
      authority,
      remaining: length - 1,
      contentOnly: probe ? cohortIndex < 2 : long,
    };
    if (probe) this.probeActive[cohortIndex] = entry;
    else if (long) {
      // Its changes are spread over the rest of the history, as a busy procedure's would be: picked
      // from the pool like the others, it would get only its share of the pool's changes.
      const every = ((1 - this.progress) * 0.95) / length;
      this.longActive.push({ entry, nextAt: this.progress + every, every });
    } else this.active.push(entry);
    if (probe && cohortIndex === 0) this.probeProcedureId = procedureId;
    if (probe && cohortIndex === 1) this.mutationTargetId = procedureId;
  }

  /** The probe cohort's time: its place in its own schedule, not the history's progress. */
  private probeAt: number | undefined;

  private atFor(probe: boolean): number | undefined {
    return probe ? this.probeAt : undefined;
  }

  private async changeProcedure(
    pool: (ActiveProcedure | undefined)[],
    random: Random,
    index: number,
    probe = false,
  ): Promise<void> {
    const entry = pool[index]!;
    const streamId = procedureStream(entry.procedureId);
    const state = this.writer.stateOf<ProcedureState>(procedureDecider, streamId);
    if (state.status !== 'registered') throw new Error(`procedure ${entry.procedureId} is not registered`);
    const procedure = state.procedure;
    let change = nextProcedureChange(random, procedure);
    if (entry.contentOnly) {
      for (let tries = 0; change !== undefined && !CONTENT_CHANGES.has(change) && tries < 20; tries++)
        change = nextProcedureChange(random, procedure);
      if (change !== undefined && !CONTENT_CHANGES.has(change)) change = 'ChangeDecisionTime';
    }
    if (change === undefined || (procedure.status === 'ABOLISHED' && !random.chance(0.3))) {
      this.retire(pool, index, probe);
      return;
    }
    const data = this.changeData(random, change, procedure, probe);
    if (data === undefined) {
      entry.remaining -= 1;
      return;
    }
    const why = this.why(random);
    const metadata = this.metadata(
      random,
      this.officialOf(entry.authority),
      { procedureId: procedure.procedureId, ...data },
      this.atFor(probe),
      why,
    );
    const withParts = this.withPartIds(change, data, metadata);
    const command = { type: change, data: withParts, metadata } as unknown as ProcedureCommand;
    const appended = await this.writer.handle(procedureDecider, streamId, command);
    this.counted(streamId, appended.length);
    entry.remaining -= Math.max(1, appended.length);
    const after = this.writer.stateOf<ProcedureState>(procedureDecider, streamId);
    if (after.status === 'registered') {
      const known = this.procedures.get(procedure.procedureId)!;
      known.status = after.procedure.status;
      if (after.procedure.status === 'MERGED' || (entry.remaining <= 0 && !probe))
        this.retire(pool, index, probe);
    }
  }

  /** Requirement and step ids derive from the command that adds them, as the API derives them. */
  private withPartIds(change: ProcedureChange, data: Record<string, unknown>, metadata: CommandMetadata) {
    if (change === 'AddRequirement') {
      const requirement = data['requirement'] as Requirement;
      return { requirement: { ...requirement, requirementId: partIdFor('r', metadata, 0) } };
    }
    if (change === 'AddStep') {
      const step = data['step'] as Step;
      return { ...data, step: { ...step, stepId: partIdFor('s', metadata, 0) } };
    }
    return data;
  }

  private changeData(
    random: Random,
    change: ProcedureChange,
    procedure: ProcedureDocument,
    probe: boolean,
  ): Record<string, unknown> | undefined {
    switch (change) {
      case 'ActivateProcedure':
      case 'StartReview':
      case 'AbolishProcedure':
      case 'ReinstateProcedure':
        return {};
      case 'FinishReview':
        return { outcome: random.chance(0.7) ? 'SIMPLIFIED' : 'ACTIVE' };
      case 'AddRequirement': {
        const taken = new Set(procedure.requirements.map((r) => r.name));
        const free = REQUIREMENT_NAMES.filter((name) => !taken.has(name));
        if (free.length === 0) return undefined;
        return {
          requirement: {
            requirementId: 'set-below',
            name: random.pick(free),
            originals: random.int(0, 1),
            copies: random.int(1, 3),
            note: random.chance(0.3) ? 'issued within the last 30 days' : null,
          },
        };
      }
      case 'RemoveRequirement':
        return { requirementId: random.pick(procedure.requirements).requirementId };
      case 'ReplaceRequirement': {
        const before = random.pick(procedure.requirements);
        return {
          requirement: {
            ...before,
            copies: before.copies + 1,
            note: random.chance(0.5) ? 'certified copy' : null,
          },
        };
      }
      case 'AddStep':
        return {
          step: {
            stepId: 'set-below',
            description: random.pick(STEP_DESCRIPTIONS),
            office: random.pick(OFFICES),
          },
          position: random.int(0, procedure.steps.length),
        };
      case 'RemoveStep':
        return { stepId: random.pick(procedure.steps).stepId };
      case 'ReorderSteps': {
        const ids = procedure.steps.map((s) => s.stepId);
        const order = random.shuffled(ids);
        if (order.every((id, i) => id === ids[i])) order.reverse();
        return { order };
      }
      case 'ChangeDecisionTime':
        return { days: nextDecisionDays(random, procedure.decisionDays) };
      case 'ChangeFee': {
        const fee = nextFee(random, procedure.fee?.tyiyn ?? null);
        return { fee: fee === null ? null : { tyiyn: fee, currency: 'KGS' } };
      }
      case 'ChangeLegalBasis':
        return { legalBasis: `${random.pick(LEGAL_BASES)}; amended ${this.today(this.atFor(probe))}` };
      case 'MarkProcedureDuplicate': {
        const target = this.otherProcedure(random, procedure, probe, () => true);
        return target === undefined || target === procedure.duplicateOf
          ? undefined
          : { duplicateOf: target, duplicateOfExists: true };
      }
      case 'MergeProcedure': {
        const target = this.otherProcedure(
          random,
          procedure,
          probe,
          (s) => s === 'ACTIVE' || s === 'SIMPLIFIED',
        );
        return target === undefined
          ? undefined
          : { into: target, targetStatus: this.procedures.get(target)!.status };
      }
    }
  }

  /** Another procedure, of the same unit when one is at hand; the probe cohort stays among itself. */
  private otherProcedure(
    random: Random,
    procedure: ProcedureDocument,
    probe: boolean,
    statusFits: (status: string) => boolean,
  ): string | undefined {
    const pool = (probe ? this.probeActive : this.active).filter((p) => p !== undefined);
    for (let tries = 0; tries < 8 && pool.length > 0; tries++) {
      const candidate = random.pick(pool).procedureId;
      const known = this.procedures.get(candidate);
      if (candidate !== procedure.procedureId && known && statusFits(known.status)) return candidate;
    }
    return undefined;
  }

  private retire(pool: (ActiveProcedure | undefined)[], index: number, probe: boolean): void {
    const entry = pool[index]!;
    if (probe) {
      entry.remaining = 0;
      return;
    }
    pool[index] = pool[pool.length - 1]!;
    pool.pop();
    this.writer.forget(procedureStream(entry.procedureId));
  }

  // ---- officials -------------------------------------------------------------------------------

  private async officialCommand(streamId: string, command: OfficialCommand): Promise<void> {
    this.counted(streamId, (await this.writer.handle(officialDecider, streamId, command)).length);
  }

  private async appointHead(authority: AuthorityFacts, at?: number): Promise<string> {
    const officialId = await this.registerOfficial(at);
    const title =
      authority.kind === 'MAYORS_OFFICE'
        ? 'Mayor'
        : authority.kind === 'CENTRAL_AGENCY'
          ? 'Chairman'
          : this.random.pick(POSITION_TITLES.head);
    const data = {
      authorityId: authority.authorityId,
      unitId: authority.unitId,
      title,
      head: true,
      appointedOn: this.today(at),
    };
    await this.officialCommand(officialStream(officialId), {
      type: 'AppointOfficial',
      data,
      metadata: this.metadata(this.random, CABINET, { officialId, ...data }, at),
    });
    this.heads.set(authority.authorityId, { officialId, authority, head: true });
    return officialId;
  }

  private async registerOfficial(at?: number): Promise<string> {
    this.officialSerial += 1;
    const request = { name: officialName(this.officialSerial) };
    const metadata = this.metadata(this.random, CABINET, request, at);
    const officialId = entityIdFor('official', metadata);
    await this.officialCommand(officialStream(officialId), {
      type: 'RegisterOfficial',
      data: { officialId, name: request.name },
      metadata,
    });
    return officialId;
  }

  private async relieve(position: Position): Promise<void> {
    const data = { authorityId: position.authority.authorityId, relievedOn: this.today() };
    await this.officialCommand(officialStream(position.officialId), {
      type: 'RelieveOfficialOfDuties',
      data,
      metadata: this.metadata(this.random, CABINET, { officialId: position.officialId, ...data }, undefined, {
        reason: this.random.pick([
          'transferred to another post',
          'dismissed for failing the reform targets',
          'retired',
          'resigned',
        ]),
      }),
    });
    this.writer.forget(officialStream(position.officialId));
  }

  /** A head is relieved and a new one appointed the same day. */
  private async turnover(): Promise<void> {
    const authority = this.random.pick(this.authorities);
    const head = this.heads.get(authority.authorityId);
    if (head) await this.relieve(head);
    await this.appointHead(authority);
  }

  private async deputyStep(): Promise<void> {
    if (this.deputies.length > 0 && this.random.chance(0.4)) {
      const index = this.random.int(0, this.deputies.length - 1);
      const deputy = this.deputies[index]!;
      this.deputies[index] = this.deputies[this.deputies.length - 1]!;
      this.deputies.pop();
      await this.relieve(deputy);
      return;
    }
    const authority = this.random.pick(this.authorities);
    const officialId = await this.registerOfficial();
    const data = {
      authorityId: authority.authorityId,
      unitId: authority.unitId,
      title: this.random.pick(POSITION_TITLES.deputy),
      head: false,
      appointedOn: this.today(),
    };
    await this.officialCommand(officialStream(officialId), {
      type: 'AppointOfficial',
      data,
      metadata: this.metadata(this.random, CABINET, { officialId, ...data }),
    });
    this.deputies.push({ officialId, authority, head: false });
  }

  private async assignResponsibility(): Promise<void> {
    if (this.active.length === 0) return;
    const entry = this.random.pick(this.active);
    const candidates = [
      this.heads.get(entry.authority.authorityId),
      ...this.deputies.filter((d) => d.authority.authorityId === entry.authority.authorityId),
    ].filter((p): p is Position => p !== undefined);
    const official = candidates.length > 0 ? this.random.pick(candidates) : undefined;
    if (!official || this.responsible.get(entry.procedureId) === official.officialId) return;
    const request = {
      procedureId: entry.procedureId,
      officialId: official.officialId,
      assignedOn: this.today(),
    };
    const streamId = procedureResponsibilityStream(entry.procedureId);
    const command: ResponsibilityCommand = {
      type: 'AssignProcedureResponsibility',
      data: {
        ...request,
        officialIsInOffice: true,
        officialUnitIds: [official.authority.unitId],
        procedureUnitAncestry: [entry.authority.unitId],
      },
      metadata: this.metadata(this.random, CABINET, request),
    };
    this.counted(streamId, (await this.writer.handle(responsibilityDecider, streamId, command)).length);
    this.responsible.set(entry.procedureId, official.officialId);
  }

  // ---- meetings, instructions, reports ---------------------------------------------------------

  private async holdMeeting(): Promise<void> {
    const cabinet = this.random.chance(0.5);
    const regions = this.authorities.filter((a) => a.level === 'REGIONAL');
    const unitId = cabinet ? COUNTRY : this.random.pick(regions).unitId;
    const request = {
      heldOn: this.today(),
      level: cabinet ? ('CABINET' as const) : ('REGIONAL' as const),
      unitId,
      title: cabinet ? 'Cabinet meeting on debureaucratization' : 'Regional meeting on the pilot',
      chair: cabinet ? 'Chairman of the Cabinet of Ministers' : 'Plenipotentiary representative',
      agenda: this.random.shuffled(INSTRUCTION_TEXTS).slice(0, this.random.int(1, 4)),
    };
    const metadata = this.metadata(this.random, CABINET, request);
    const meetingId = entityIdFor('meeting', metadata);
    const streamId = meetingStream(meetingId);
    const command: MeetingCommand = {
      type: 'HoldMeeting',
      data: { meetingId, ...request, chairOfficialId: null },
      metadata,
    };
    this.counted(streamId, (await this.writer.handle(meetingDecider, streamId, command)).length);
    this.meetingCount += 1;
    this.meetings.push({ meetingId, heldOn: request.heldOn, unitId });
    if (this.meetings.length > 20) this.meetings.shift();
  }

  private async issueInstruction(): Promise<void> {
    const meeting = this.random.chance(0.8) ? this.random.pick(this.meetings) : undefined;
    const authority = this.random.pick(this.authorities);
    const head = this.heads.get(authority.authorityId);
    const toOfficial = head !== undefined && this.random.chance(0.7);
    const issuedOn = this.today();
    const wanted = bishkekDate(new Date(this.now().getTime() + this.random.int(14, 120) * DAY_MS));
    const deadline = wanted > LAST_DEADLINE ? (LAST_DEADLINE < issuedOn ? issuedOn : LAST_DEADLINE) : wanted;
    const request = {
      meetingId: meeting?.meetingId ?? null,
      text: this.random.pick(INSTRUCTION_TEXTS),
      issuedOn,
      deadline,
      assigneeOfficialId: toOfficial ? head.officialId : null,
      authorityId: toOfficial ? null : authority.authorityId,
    };
    const metadata = this.metadata(this.random, CABINET, request);
    const instructionId = entityIdFor('instruction', metadata);
    const streamId = instructionStream(instructionId);
    const command: InstructionCommand = {
      type: 'IssueInstruction',
      data: {
        instructionId,
        ...request,
        unitId: authority.unitId,
        meetingHeldOn: meeting?.heldOn ?? null,
        assigneeInOffice: toOfficial ? true : null,
      },
      metadata,
    };
    this.counted(streamId, (await this.writer.handle(instructionDecider, streamId, command)).length);
    this.instructionCount += 1;
    this.instructions.push({
      instructionId,
      unitId: authority.unitId,
      deadline,
      assignee: request.assigneeOfficialId,
      overdue: false,
    });
  }

  private async instructionStep(): Promise<void> {
    const index = this.random.int(0, this.instructions.length - 1);
    const instruction = this.instructions[index]!;
    const streamId = instructionStream(instruction.instructionId);
    const today = this.today();
    const step = this.random.weighted({
      report: instruction.assignee !== null ? 3 : 0,
      complete: 2,
      reassign: 0.3,
    });
    let command: InstructionCommand;
    if (step === 'report') {
      const request = {
        instructionId: instruction.instructionId,
        reportedOn: today,
        text: `Progress: ${this.random.pick(REASONS)}`,
        figures: [{ name: 'requirements removed', value: this.random.int(0, 12), unit: 'documents' }],
      };
      const metadata = this.metadata(this.random, CABINET, request);
      command = {
        type: 'ReportProgress',
        data: {
          reportId: entityIdFor('report', metadata),
          reportedOn: today,
          text: request.text,
          figures: request.figures,
          byOfficialId: instruction.assignee!,
        },
        metadata,
      };
    } else if (step === 'complete') {
      const request = { instructionId: instruction.instructionId, completedOn: today };
      command = {
        type: 'CompleteInstruction',
        data: { completedOn: today },
        metadata: this.metadata(this.random, CABINET, request),
      };
    } else {
      const heads = [...this.heads.values()];
      const to = this.random.pick(heads).officialId;
      if (to === instruction.assignee) return;
      const request = { instructionId: instruction.instructionId, toOfficialId: to, reassignedOn: today };
      command = {
        type: 'ReassignInstruction',
        data: { toOfficialId: to, reassignedOn: today, toOfficialInOffice: true },
        metadata: this.metadata(this.random, CABINET, request),
      };
      instruction.assignee = to;
    }
    this.counted(streamId, (await this.writer.handle(instructionDecider, streamId, command)).length);
    if (step === 'complete') {
      this.instructions[index] = this.instructions[this.instructions.length - 1]!;
      this.instructions.pop();
      this.writer.forget(streamId);
    }
  }

  /** The accountability service's deadline watcher, as it would have run on that day. */
  private async watchDeadlines(today: string): Promise<void> {
    for (const instruction of this.instructions) {
      if (instruction.overdue || !(instruction.deadline < today)) continue;
      const streamId = instructionStream(instruction.instructionId);
      const command: InstructionCommand = {
        type: 'MarkInstructionOverdue',
        data: { today },
        metadata: {
          commandId: `overdue.${instruction.instructionId.replace(/[^A-Za-z0-9_.:-]/g, '_')}`,
          actor: DEADLINE_WATCHER,
          now: this.now(),
        },
      };
      this.counted(streamId, (await this.writer.handle(instructionDecider, streamId, command)).length);
      instruction.overdue = true;
    }
  }

  private async reportUnitProgress(): Promise<void> {
    const head = this.random.pick([...this.heads.values()]);
    // A report heard at a meeting was made by the day the meeting sat: only one held today qualifies.
    const pickedMeeting =
      this.meetings.length > 0 && this.random.chance(0.5) ? this.random.pick(this.meetings) : undefined;
    const meeting = pickedMeeting?.heldOn === this.today() ? pickedMeeting : undefined;
    const actor: Actor = {
      id: head.officialId,
      role: 'official',
      name: 'Head of the unit (generated)',
      unitId: head.authority.unitId,
    };
    const request = {
      unitId: head.authority.unitId,
      meetingId: meeting?.meetingId ?? null,
      reportedOn: this.today(),
      text: `Unit progress: ${this.random.pick(REASONS)}`,
      figures: [
        { name: 'procedures simplified', value: this.random.int(0, 20), unit: 'procedures' },
        { name: 'requirements removed', value: this.random.int(0, 40), unit: 'documents' },
      ],
    };
    const metadata = this.metadata(this.random, actor, request);
    const reportId = entityIdFor('unit-report', metadata);
    const streamId = unitReportStream(reportId);
    const command: UnitReportCommand = {
      type: 'ReportUnitProgress',
      data: { reportId, ...request, byOfficialId: head.officialId, meetingHeldOn: meeting?.heldOn ?? null },
      metadata,
    };
    this.counted(streamId, (await this.writer.handle(unitReportDecider, streamId, command)).length);
    this.writer.forget(streamId);
  }
}
