import { Controller, Get } from '@nestjs/common';

/** Liveness for load balancers and start scripts, outside GraphQL so it needs no token or subgraph. */
@Controller('health')
export class HealthController {
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
