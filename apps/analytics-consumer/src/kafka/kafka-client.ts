import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

/**
 * kafkajs' own log lines go to pino. It reports retriable conditions (a coordinator still loading, a
 * broker briefly away) as errors, so those become warnings; what really stops the consumer is
 * logged at error by the consumer itself.
 */
function logCreator(logger: Logger) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const entry = { ...fields, kafkajs: namespace };
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(entry, message);
      else if (level === logLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}

export function createKafka(brokers: readonly string[], clientId: string, logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.INFO,
    logCreator: logCreator(logger.child({ component: 'kafkajs' })),
  });
}

/** kafkajs' error classes are not named exports in ESM; their names all start with KafkaJS. */
export function isKafkaError(error: unknown): boolean {
  let cause: unknown = error;
  // kafkajs wraps a failing handler after its retries (KafkaJSNumberOfRetriesExceeded); look inside.
  while (cause instanceof Error && cause.name === 'KafkaJSNumberOfRetriesExceeded' && cause.cause)
    cause = cause.cause;
  return cause instanceof Error && cause.name.startsWith('KafkaJS');
}
