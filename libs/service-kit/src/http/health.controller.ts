import { Controller, Get, Inject } from '@nestjs/common';
import { SERVICE_CONFIG } from '../tokens.js';
import type { ServiceConfig } from '../config/service-config.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  @Get()
  health(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.config.service };
  }
}
