export { KafkaBroker, freePort } from './kafka-broker.js';
export { TopicReader, createTopic, endOffsets, testKafka, type ReadMessage } from './topic-reader.js';
export { checkDelivery, storedEvents, type DeliveryReport } from './delivery.js';
