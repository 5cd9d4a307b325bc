// Smoke test of a running broker through kafkajs (the project's client): produces one message with a
// key and headers, consumes the topic from the beginning in a new consumer group, and checks that key,
// value and headers come back byte for byte.
//
//   node infra/kafka/smoke.mjs [--topic NAME] [--expect-existing]
//
// Brokers: KAFKA_BROKERS (as printed by start.sh), else 127.0.0.1:${KAFKA_PORT:-9092}.
// Without --topic a new topic is used, created by the broker on first write (auto.create.topics.enable),
// and its partition count must be start.sh's num.partitions (3). With --expect-existing the topic must
// already exist and hold earlier smoke messages, which are checked too: run it after a restart to
// show that topics and messages survived. Exits non-zero on any mismatch or after 60 s.
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';

const args = process.argv.slice(2);
const expectExisting = args.includes('--expect-existing');
const topicIndex = args.indexOf('--topic');
const topic = topicIndex >= 0 ? args[topicIndex + 1] : `redtape-smoke-${Date.now()}`;
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
const run = randomUUID();

const timer = setTimeout(() => fail('timed out after 60 s'), 60_000);
function fail(message) {
  console.error(`smoke: FAILED: ${message}`);
  process.exit(1);
}
function check(condition, message) {
  if (!condition) fail(message);
}

// What every smoke message carries; the value repeats the key and headers so each message checks itself.
function messageFor(id) {
  const key = `unit-city/tokmok:${id}`;
  const headers = {
    'event-type': 'UnitRenamed',
    'content-type': 'application/json',
    'smoke-run': id,
    // Non-ASCII: headers are bytes, and UTF-8 must survive the round trip.
    'place-name': 'Токмок, Чүй облусу',
  };
  return { key, value: JSON.stringify({ key, headers }), headers };
}

// kafkajs logs retriable conditions (the topic being auto-created, the coordinator loading) as errors;
// they are expected here, and a real failure still ends in a thrown error or a failed check.
const kafka = new Kafka({ clientId: 'redtape-kafka-smoke', brokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
const consumer = kafka.consumer({ groupId: `redtape-smoke-${run}` });

await admin.connect();
const existedBefore = (await admin.listTopics()).includes(topic);
if (expectExisting) check(existedBefore, `topic ${topic} does not exist (expected it to survive a restart)`);
// How many messages the topic holds before ours: the consumer must see all of them, whatever order
// its partitions are fetched in.
let stored = 0;
if (existedBefore) {
  for (const { high, low } of await admin.fetchTopicOffsets(topic)) stored += Number(high) - Number(low);
}
if (expectExisting)
  check(stored > 0, `topic ${topic} holds no messages (expected them to survive a restart)`);

await producer.connect();
const sent = messageFor(run);
const [result] = await producer.send({ topic, messages: [sent] });
check(result.errorCode === 0, `produce failed with error code ${result.errorCode}`);

const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
const partitions = metadata.topics[0].partitions.length;
if (!existedBefore) check(partitions === 3, `auto-created topic has ${partitions} partitions, expected 3`);

// Read everything from the beginning until our own message and every earlier one have arrived,
// checking each.
let earlier = 0;
let ownSeen = false;
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await new Promise((resolve, reject) => {
  consumer
    .run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString('utf8')]),
        );
        const id = headers['smoke-run'];
        check(id, `a message without a smoke-run header in ${topic}`);
        const expected = messageFor(id);
        check(message.key?.toString('utf8') === expected.key, `key ${message.key} != ${expected.key}`);
        check(
          message.value?.toString('utf8') === expected.value,
          `value ${message.value} != ${expected.value}`,
        );
        check(
          JSON.stringify(headers) === JSON.stringify(expected.headers),
          `headers ${JSON.stringify(headers)} != ${JSON.stringify(expected.headers)}`,
        );
        if (id === run) {
          check(
            partition === result.partition,
            `read from partition ${partition}, written to ${result.partition}`,
          );
          check(
            message.offset === result.baseOffset,
            `read offset ${message.offset}, written ${result.baseOffset}`,
          );
          ownSeen = true;
        } else {
          earlier += 1;
        }
        if (ownSeen && earlier >= stored) resolve();
      },
    })
    .catch(reject);
});
check(earlier === stored, `read ${earlier} earlier message(s), the topic held ${stored}`);

await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
clearTimeout(timer);
console.log(
  `smoke: ok: ${brokers.join(',')} topic ${topic} (${partitions} partitions): key, value and ${Object.keys(sent.headers).length} headers ` +
    `round-tripped via partition ${result.partition} offset ${result.baseOffset}; ${earlier} earlier message(s) checked`,
);
