import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ListSize, apiError, type RequestContext } from '@redtape/service-kit';
import type { AccountabilityCommands } from '@redtape/accountability-application';
import type { AccountabilityQueries } from '@redtape/accountability-read-model';
import { ACCOUNTABILITY_COMMANDS, ACCOUNTABILITY_LOADERS, ACCOUNTABILITY_QUERIES } from '../tokens.js';
import type { AccountabilityLoaders } from './accountability-loaders.js';
import { HoldMeetingInput, ReportUnitProgressInput } from './inputs.js';
import { toInstruction, toMeeting, toOfficial, toProgressReport } from './mappers.js';
import { Instruction, Meeting, Official, ProgressReport } from './models.js';

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    @Inject(ACCOUNTABILITY_QUERIES) private readonly queries: AccountabilityQueries,
    @Inject(ACCOUNTABILITY_COMMANDS) private readonly commands: AccountabilityCommands,
    @Inject(ACCOUNTABILITY_LOADERS) private readonly loaders: AccountabilityLoaders,
  ) {}

  @Query(() => Meeting, { nullable: true })
  async meeting(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Meeting | null> {
    const record = await this.loaders.meeting.load(context, id);
    return record ? toMeeting(record) : null;
  }

  @ListSize(50)
  @ResolveField(() => [Instruction], { description: 'Issued at this meeting.' })
  async instructions(@Parent() meeting: Meeting, @Context() context: RequestContext): Promise<Instruction[]> {
    return ((await this.loaders.meeting.load(context, meeting.id))?.instructions ?? []).map(toInstruction);
  }

  @ListSize(50)
  @ResolveField(() => [ProgressReport], { description: 'Heard at this meeting.' })
  async reports(@Parent() meeting: Meeting, @Context() context: RequestContext): Promise<ProgressReport[]> {
    return ((await this.loaders.meeting.load(context, meeting.id))?.reports ?? []).map(toProgressReport);
  }

  @Mutation(() => Meeting, { description: 'Records a Cabinet or regional meeting as minuted.' })
  async holdMeeting(
    @Args('input', { type: () => HoldMeetingInput }) input: HoldMeetingInput,
    @Context() context: RequestContext,
  ) {
    const meetingId = await this.commands.holdMeeting(context.principal, input);
    const record = await this.queries.meeting(meetingId);
    if (!record) throw apiError.notFound(`there is no meeting ${meetingId}`);
    return toMeeting(record);
  }

  @Mutation(() => ProgressReport, { description: 'Reports progress on a unit’s reform as a whole.' })
  async reportUnitProgress(
    @Args('input', { type: () => ReportUnitProgressInput }) input: ReportUnitProgressInput,
    @Context() context: RequestContext,
  ) {
    const reportId = await this.commands.reportUnitProgress(context.principal, input);
    return {
      id: reportId,
      reportedOn: input.reportedOn,
      text: input.text,
      figures: input.figures.map((figure) => ({
        name: figure.name,
        value: figure.value,
        unit: figure.unit ?? null,
      })),
      instructionId: null,
      unit: { id: input.unitId },
      byOfficialId: context.principal?.subject ?? '',
    };
  }
}

@Resolver(() => ProgressReport)
export class ProgressReportsResolver {
  constructor(@Inject(ACCOUNTABILITY_LOADERS) private readonly loaders: AccountabilityLoaders) {}

  @ResolveField(() => Official, { nullable: true, description: 'Who reported it.' })
  async by(@Parent() report: ProgressReport, @Context() context: RequestContext): Promise<Official | null> {
    const record = await this.loaders.official.load(context, report.byOfficialId);
    return record ? toOfficial(record) : null;
  }
}
