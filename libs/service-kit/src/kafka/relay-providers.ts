import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import type { EventStore } from '@redtape/event-store';
import { KafkaRelay, type IntegrationContract } from '@redtape/kafka-relay';
import type { ReadModels } from '@redtape/projections';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.js';
import { EVENT_STORE, LOGGER, READ_MODELS, SERVICE_CONFIG } from '../tokens.js';

export const KAFKA_RELAY = Symbol('KAFKA_RELAY');

/** The context's relay, or none when KAFKA_BROKERS is not set (the embedded default). */
export interface OptionalRelay {
  readonly relay: KafkaRelay | undefined;
}

@Injectable()
class KafkaRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(KAFKA_RELAY) private readonly optional: OptionalRelay,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { relay } = this.optional;
    if (!relay) return;
    // A broker that is down stalls the relay, which retries by itself; the service serves meanwhile.
    await relay.start();
    relay.done.catch((error: unknown) =>
      this.logger.fatal({ err: error }, 'the Kafka relay stopped on an error'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.optional.relay?.stop();
  }
}

/** Relays the context's events to Kafka (`redtape.<context>.events.v1`) while the service runs, when enabled. */
export function kafkaRelayProviders(contract: IntegrationContract): Provider[] {
  return [
    {
      provide: KAFKA_RELAY,
      inject: [SERVICE_CONFIG, EVENT_STORE, READ_MODELS, LOGGER],
      useFactory: (
        config: ServiceConfig,
        store: EventStore,
        db: ReadModels,
        logger: Logger,
      ): OptionalRelay => ({
        relay: config.kafkaBrokers
          ? new KafkaRelay({
              ...contract,
              store,
              db,
              brokers: config.kafkaBrokers,
              clientId: `redtape-${config.service}`,
              logger: logger.child({ component: 'kafka-relay' }),
            })
          : undefined,
      }),
    },
    KafkaRelayLifecycle,
  ];
}
