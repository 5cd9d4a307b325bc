import type { Command } from '@redtape/event-sourcing';
import type { ReformStageStartedData } from './reform-stage-events.js';

export type StartReformStage = Command<'StartReformStage', ReformStageStartedData>;

export type ReformStageCommand = StartReformStage;
