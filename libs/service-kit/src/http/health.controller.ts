import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config.js';
import type { ProjectionsHost } from '../persistence/projections-host.js';
import { PROJECTIONS, SERVICE_CONFIG } from '../tokens.js';

export interface Health {
  readonly status: 'ok' | 'starting' | 'recovering';
  readonly service: string;
  /** Whether this replica runs the service's projections, stands by, or is recovering from a failed one. */
  readonly projections: ProjectionsHost['status'];
  /** Each projection's phase and position against the head it catches up to (positions as text). */
  readonly progress: readonly {
    projection: string;
    phase: string;
    position: string | null;
    target: string | null;
  }[];
}

/**
 * 200 once the service answers from read models that have caught up; 503 while they rebuild or catch
 * up (with their progress, which `npm start` shows) or while a projection is failing here, so that a
 * load balancer or health check sends it nothing yet.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTIONS) private readonly projections: ProjectionsHost,
  ) {}

  @Get()
  health(): Health {
    const health = healthOf(this.config.service, this.projections);
    if (health.status !== 'ok') throw new HttpException(health, HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}

function healthOf(service: string, host: ProjectionsHost): Health {
  const projections = host.status;
  const status = projections === 'recovering' ? 'recovering' : host.ready ? 'ok' : 'starting';
  const text = (position: bigint | undefined) => (position === undefined ? null : position.toString());
  const progress = host.progress.map((one) => ({
    projection: one.projection,
    phase: one.phase,
    position: text(one.position),
    target: text(one.target),
  }));
  return { status, service, projections, progress };
}
