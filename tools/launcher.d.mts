import type { ChildProcess } from 'node:child_process';

export interface LaunchedService {
  readonly name: string;
  readonly main: string;
  readonly portVariable: string;
  readonly defaultPort: number;
}

export interface StartedSystem {
  readonly gatewayUrl: string;
  readonly ports: Record<string, number>;
  readonly children: ChildProcess[];
  stop(): Promise<void>;
}

export declare const SERVICES: readonly LaunchedService[];
export declare function startSystem(options?: {
  env?: NodeJS.ProcessEnv;
  output?: 'inherit' | 'pipe' | 'ignore';
  /** Told what a service still rebuilds or catches up while it starts, each time that changes. */
  onProgress?: (service: string, progress: string) => void;
}): Promise<StartedSystem>;
