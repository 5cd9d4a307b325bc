import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config.js';
import type { ProjectionsHost } from '../persistence/projections-host.js';
import { PROJECTIONS, SERVICE_CONFIG } from '../tokens.js';

export interface Health {
  readonly status: 'ok' | 'recovering';
  readonly service: string;
  /** Whether this replica runs the service's projections, stands by, or is recovering from a failed one. */
  readonly projections: ProjectionsHost['status'];
}

/** 200 while the service can answer; 503 while its projections are failing here (a health check should see it). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTIONS) private readonly projections: ProjectionsHost,
  ) {}

  @Get()
  health(): Health {
    const health = healthOf(this.config.service, this.projections.status);
    if (health.status !== 'ok') throw new HttpException(health, HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}

function healthOf(service: string, projections: ProjectionsHost['status']): Health {
  return { status: projections === 'recovering' ? 'recovering' : 'ok', service, projections };
}
