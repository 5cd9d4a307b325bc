import type { Principal } from '@redtape/auth';
import {
  accountabilityUpcasters,
  instructionDecider,
  instructionStream,
  meetingDecider,
  meetingStream,
  mayPerformAccountability,
  officialDecider,
  officialStream,
  procedureResponsibilityStream,
  responsibilityDecider,
  unitReportDecider,
  unitReportStream,
  type AccountabilityAction,
  type Figure,
} from '@redtape/accountability-domain';
import {
  CommandHandler,
  entityIdFor,
  type Actor,
  type Command,
  type CommandMetadata,
  type CommandOfType,
  type DomainEvent,
  commandOf,
  publishedFormOf,
} from '@redtape/event-sourcing';
import { PROCEDURES_CONTRACT, procedureStream, publishedAs } from '@redtape/procedures-domain/contract';
import { StreamNotFound, collect, type EventStore } from '@redtape/event-store';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import {
  apiError,
  commandMetadataFor,
  handleOptionsFor,
  type ChangeRequest,
  type ReadYourWrites,
  authorize,
} from '@redtape/service-kit/application';

const COUNTRY = 'country/kg';

type FigureRequest = { name: string; value: number; unit?: string | null };
const figuresOf = (figures: readonly FigureRequest[]): Figure[] =>
  figures.map((figure) => ({ name: figure.name, value: figure.value, unit: figure.unit ?? null }));

/**
 * The accountability use cases: who may do it (by the unit concerned, mirrored from the regions'
 * events), the facts a command needs from other streams, the decision, and a wait for the read models.
 */
/** What the commands need of the accountability read model: who heads an authority now. */
export interface AuthorityHeads {
  headOfAuthority(authorityId: string): Promise<string | undefined>;
}

export class AccountabilityCommands {
  private readonly officials;
  private readonly responsibilities;
  private readonly meetings;
  private readonly instructions;
  private readonly unitReports;

  constructor(
    private readonly store: EventStore,
    private readonly mirror: RegionsMirrorQueries,
    private readonly projections: ReadYourWrites,
    private readonly clock: () => Date,
    private readonly heads: AuthorityHeads,
  ) {
    this.officials = new CommandHandler(store, officialDecider, accountabilityUpcasters);
    this.responsibilities = new CommandHandler(store, responsibilityDecider, accountabilityUpcasters);
    this.meetings = new CommandHandler(store, meetingDecider, accountabilityUpcasters);
    this.instructions = new CommandHandler(store, instructionDecider, accountabilityUpcasters);
    this.unitReports = new CommandHandler(store, unitReportDecider, accountabilityUpcasters);
  }

  async registerOfficial(
    principal: Principal | undefined,
    input: ChangeRequest & { officialId?: string | null; name: string },
  ) {
    const actor = await this.authorize(principal, 'RegisterOfficial', COUNTRY);
    const metadata = this.metadata(actor, input);
    const officialId = input.officialId ?? entityIdFor('official', metadata);
    await this.run(
      this.officials,
      officialStream(officialId),
      'RegisterOfficial',
      { officialId, name: input.name },
      metadata,
      input,
    );
    return officialId;
  }

  async appointOfficial(
    principal: Principal | undefined,
    input: ChangeRequest & {
      officialId: string;
      authorityId: string;
      title: string;
      head: boolean;
      appointedOn: string;
    },
  ) {
    const unitId = await this.unitOfAuthority(input.authorityId);
    const actor = await this.authorize(principal, 'AppointOfficial', unitId);
    const { officialId, authorityId, title, head, appointedOn } = input;
    const authorityHeadOfficialId = (await this.heads.headOfAuthority(authorityId)) ?? null;
    await this.run(
      this.officials,
      officialStream(officialId),
      'AppointOfficial',
      { authorityId, unitId, title, head, appointedOn, authorityHeadOfficialId },
      this.metadata(actor, input),
      input,
    );
  }

  async relieveOfficial(
    principal: Principal | undefined,
    input: ChangeRequest & { officialId: string; authorityId: string; relievedOn: string },
  ) {
    const unitId = await this.unitOfAuthority(input.authorityId);
    const actor = await this.authorize(principal, 'RelieveOfficialOfDuties', unitId);
    const data = { authorityId: input.authorityId, relievedOn: input.relievedOn };
    await this.run(
      this.officials,
      officialStream(input.officialId),
      'RelieveOfficialOfDuties',
      data,
      this.metadata(actor, input),
      input,
    );
  }

  async assignProcedureResponsibility(
    principal: Principal | undefined,
    input: ChangeRequest & { procedureId: string; officialId: string; assignedOn: string },
  ) {
    const unitId = await this.unitOfProcedure(input.procedureId);
    const actor = await this.authorize(principal, 'AssignProcedureResponsibility', unitId);
    const data = {
      ...pick(input, 'procedureId', 'officialId', 'assignedOn'),
      officialIsInOffice: await this.inOffice(input.officialId),
      officialUnitIds: await this.unitsOfOfficial(input.officialId),
      procedureUnitAncestry: [...((await this.mirror.ancestry(unitId)) ?? [unitId])],
    };
    await this.run(
      this.responsibilities,
      procedureResponsibilityStream(input.procedureId),
      'AssignProcedureResponsibility',
      data,
      this.metadata(actor, input),
      input,
    );
  }

  async holdMeeting(
    principal: Principal | undefined,
    input: ChangeRequest & {
      meetingId?: string | null;
      heldOn: string;
      level: 'CABINET' | 'REGIONAL';
      unitId: string;
      title: string;
      chair: string;
      chairOfficialId?: string | null;
      agenda: string[];
    },
  ) {
    await this.requireUnit(input.unitId);
    const actor = await this.authorize(principal, 'HoldMeeting', input.unitId);
    const metadata = this.metadata(actor, input);
    const meetingId = input.meetingId ?? entityIdFor('meeting', metadata);
    const data = {
      meetingId,
      ...pick(input, 'heldOn', 'level', 'unitId', 'title', 'chair', 'agenda'),
      chairOfficialId: input.chairOfficialId ?? null,
    };
    await this.run(this.meetings, meetingStream(meetingId), 'HoldMeeting', data, metadata, input);
    return meetingId;
  }

  async issueInstruction(
    principal: Principal | undefined,
    input: ChangeRequest & {
      instructionId?: string | null;
      meetingId?: string | null;
      text: string;
      issuedOn: string;
      deadline: string;
      assigneeOfficialId?: string | null;
      authorityId?: string | null;
    },
  ) {
    const assigneeOfficialId = input.assigneeOfficialId ?? null;
    const authorityId = input.authorityId ?? null;
    const unitId = authorityId
      ? await this.unitOfAuthority(authorityId)
      : await this.unitOfOfficial(assigneeOfficialId);
    const actor = await this.authorize(principal, 'IssueInstruction', unitId);
    const metadata = this.metadata(actor, input);
    const instructionId = input.instructionId ?? entityIdFor('instruction', metadata);
    const meetingId = input.meetingId ?? null;
    const meeting = meetingId ? await this.meetings.load(meetingStream(meetingId)) : undefined;
    const data = {
      instructionId,
      meetingId,
      text: input.text,
      issuedOn: input.issuedOn,
      deadline: input.deadline,
      assigneeOfficialId,
      authorityId,
      unitId,
      meetingHeldOn: meeting?.state.status === 'held' ? meeting.state.meeting.heldOn : null,
      assigneeInOffice: assigneeOfficialId === null ? null : await this.inOffice(assigneeOfficialId),
    };
    await this.run(
      this.instructions,
      instructionStream(instructionId),
      'IssueInstruction',
      data,
      metadata,
      input,
    );
    return instructionId;
  }

  async reportProgress(
    principal: Principal | undefined,
    input: ChangeRequest & {
      instructionId: string;
      reportedOn: string;
      text: string;
      figures: readonly FigureRequest[];
    },
  ) {
    const instruction = await this.requireInstruction(input.instructionId);
    const actor = await this.authorize(principal, 'ReportProgress', instruction.unitId);
    // An instruction to an authority alone is answered for, and so reported on, by its head.
    const authorityHeadOfficialId =
      instruction.assigneeOfficialId === null && instruction.authorityId !== null
        ? ((await this.heads.headOfAuthority(instruction.authorityId)) ?? null)
        : null;
    const answerer = instruction.assigneeOfficialId ?? authorityHeadOfficialId;
    const byOfficialId = actor.role === 'official' ? actor.id : (answerer ?? actor.id);
    const metadata = this.metadata(actor, input);
    const data = {
      reportId: entityIdFor('report', metadata),
      reportedOn: input.reportedOn,
      text: input.text,
      figures: figuresOf(input.figures),
      byOfficialId,
      authorityHeadOfficialId,
    };
    await this.run(
      this.instructions,
      instructionStream(input.instructionId),
      'ReportProgress',
      data,
      metadata,
      input,
    );
  }

  async completeInstruction(
    principal: Principal | undefined,
    input: ChangeRequest & { instructionId: string; completedOn: string },
  ) {
    const instruction = await this.requireInstruction(input.instructionId);
    const actor = await this.authorize(principal, 'CompleteInstruction', instruction.unitId);
    await this.run(
      this.instructions,
      instructionStream(input.instructionId),
      'CompleteInstruction',
      { completedOn: input.completedOn },
      this.metadata(actor, input),
      input,
    );
  }

  async reassignInstruction(
    principal: Principal | undefined,
    input: ChangeRequest & { instructionId: string; toOfficialId: string; reassignedOn: string },
  ) {
    const instruction = await this.requireInstruction(input.instructionId);
    const actor = await this.authorize(principal, 'ReassignInstruction', instruction.unitId);
    const data = {
      toOfficialId: input.toOfficialId,
      reassignedOn: input.reassignedOn,
      toOfficialInOffice: await this.inOffice(input.toOfficialId),
    };
    await this.run(
      this.instructions,
      instructionStream(input.instructionId),
      'ReassignInstruction',
      data,
      this.metadata(actor, input),
      input,
    );
  }

  async reportUnitProgress(
    principal: Principal | undefined,
    input: ChangeRequest & {
      unitId: string;
      meetingId?: string | null;
      reportedOn: string;
      text: string;
      figures: readonly FigureRequest[];
    },
  ) {
    await this.requireUnit(input.unitId);
    const actor = await this.authorize(principal, 'ReportUnitProgress', input.unitId);
    const metadata = this.metadata(actor, input);
    const reportId = entityIdFor('unit-report', metadata);
    const meeting = input.meetingId ? await this.meetings.load(meetingStream(input.meetingId)) : undefined;
    const data = {
      reportId,
      unitId: input.unitId,
      meetingId: input.meetingId ?? null,
      meetingHeldOn: meeting?.state.status === 'held' ? meeting.state.meeting.heldOn : null,
      reportedOn: input.reportedOn,
      byOfficialId: actor.id,
      text: input.text,
      figures: figuresOf(input.figures),
    };
    await this.run(this.unitReports, unitReportStream(reportId), 'ReportUnitProgress', data, metadata, input);
    return reportId;
  }

  private async run<C extends Command, E extends DomainEvent, S, T extends C['type']>(
    handler: CommandHandler<C, E, S>,
    streamId: string,
    type: T,
    data: CommandOfType<C, T>['data'],
    metadata: CommandMetadata,
    input: ChangeRequest,
  ): Promise<void> {
    const command = commandOf<CommandOfType<C, T>>(type, data, metadata);
    const outcome = await handler.handle(streamId, command, handleOptionsFor(input));
    await this.projections.waitFor(outcome.position);
  }

  private metadata(actor: Actor, input: ChangeRequest): CommandMetadata {
    return commandMetadataFor(actor, input, this.clock());
  }

  private authorize(
    principal: Principal | undefined,
    action: AccountabilityAction,
    unitId: string,
  ): Promise<Actor> {
    return authorize(principal, action, unitId, {
      purpose: 'record accountability',
      ancestry: (id) => this.mirror.ancestry(id),
      mayPerform: mayPerformAccountability,
    });
  }

  private async requireUnit(unitId: string): Promise<void> {
    if (!(await this.mirror.unit(unitId)))
      throw apiError.notFound(`there is no administrative unit ${unitId}`);
  }

  private async unitOfAuthority(authorityId: string): Promise<string> {
    const authority = await this.mirror.authority(authorityId);
    if (!authority) throw apiError.notFound(`there is no authority ${authorityId}`);
    return authority.unit_id;
  }

  private async unitOfOfficial(officialId: string | null): Promise<string> {
    if (officialId === null) throw apiError.badInput('an instruction goes to an official or to an authority');
    const loaded = await this.officials.load(officialStream(officialId));
    const position =
      loaded.state.status === 'registered' ? loaded.state.official.currentPositions[0] : undefined;
    if (!position)
      throw apiError.badInput(
        `official ${officialId} is unknown or holds no position: name the authority instead`,
      );
    return position.unitId;
  }

  private async unitOfProcedure(procedureId: string): Promise<string> {
    try {
      const [first] = await collect(this.store.readStream(procedureStream(procedureId), { maxCount: 1 }));
      const { integration } = publishedFormOf(first!, PROCEDURES_CONTRACT);
      if (!publishedAs(integration, 'ProcedureRegistered'))
        throw new Error(`procedure ${procedureId} begins with ${integration.type}, not its registration`);
      return integration.data.unitId;
    } catch (error) {
      if (error instanceof StreamNotFound) throw apiError.notFound(`there is no procedure ${procedureId}`);
      throw error;
    }
  }

  /** The units of the positions the official holds now; none for an unknown official. */
  private async unitsOfOfficial(officialId: string): Promise<string[]> {
    const loaded = await this.officials.load(officialStream(officialId));
    return loaded.state.status === 'registered'
      ? loaded.state.official.currentPositions.map((position) => position.unitId)
      : [];
  }

  private async inOffice(officialId: string): Promise<boolean> {
    const loaded = await this.officials.load(officialStream(officialId));
    return loaded.state.status === 'registered' && loaded.state.official.currentPositions.length > 0;
  }

  private async requireInstruction(instructionId: string) {
    const loaded = await this.instructions.load(instructionStream(instructionId));
    if (loaded.state.status !== 'issued') throw apiError.notFound(`there is no instruction ${instructionId}`);
    return loaded.state.instruction;
  }
}

function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
