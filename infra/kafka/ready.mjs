// Waits until the broker started by start.sh is really usable, not just listening: a client connects,
// creates a topic, sees it listed, and deletes it again (so the broker is left as it was); then it
// asks for a consumer group's coordinator, which makes the broker create and load its offsets topic,
// so that the first consumer of a test joins at once instead of retrying "coordinator not available".
//
//   node ready.mjs <host:port> <broker pid> <timeout seconds>
//
// Exit 0 when ready; 1 when the deadline passed; 2 when the broker process died meanwhile (no point
// waiting for it). Uses kafkajs, the client the project uses, so "ready" means ready for our clients.
import { Kafka, logLevel } from 'kafkajs';

const [brokers, pidArgument, timeoutArgument] = process.argv.slice(2);
const pid = Number(pidArgument);
const deadline = Date.now() + Number(timeoutArgument) * 1000;
if (!brokers || !Number.isInteger(pid) || !(Number(timeoutArgument) > 0)) {
  console.error('usage: node ready.mjs <host:port> <broker pid> <timeout seconds>');
  process.exit(64);
}

function alive() {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// No client retries and short timeouts: this loop is the retry, and it must notice a dead broker.
const kafka = new Kafka({
  clientId: 'redtape-kafka-ready',
  brokers: [brokers],
  logLevel: logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 5000,
  retry: { retries: 0 },
});

// Each check is retried until it passes, and a passed check is not repeated.
let topicChecked = false;
async function attempt() {
  const admin = kafka.admin();
  try {
    await admin.connect();
    // Also loads the cluster metadata, which describeGroups below needs: without client retries it
    // would otherwise fail on an empty broker list every time.
    await admin.listTopics();
    if (!topicChecked) {
      const topic = `redtape-readiness-${process.pid}-${Date.now()}`;
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      const topics = await admin.listTopics();
      if (!topics.includes(topic)) throw new Error(`created topic ${topic} is not listed yet`);
      await admin.deleteTopics({ topics: [topic] });
      topicChecked = true;
    }
    // Fails with "coordinator not available" or "coordinator load in progress" until it is ready.
    await admin.describeGroups(['redtape-readiness']);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

let lastError = 'no attempt made';
for (;;) {
  if (!alive()) {
    console.error(`ready: the broker process ${pid} has exited`);
    process.exit(2);
  }
  try {
    await attempt();
    process.exit(0);
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
  }
  if (Date.now() >= deadline) {
    console.error(`ready: ${brokers} not ready after ${timeoutArgument} s; last error: ${lastError}`);
    process.exit(1);
  }
  await sleep(500);
}
