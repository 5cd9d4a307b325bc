import { jestProject } from '../../jest.preset.js';

// The *.int.spec.ts suites start one real Kafka broker per file (infra/kafka/start.sh).
export default jestProject('analytics-consumer');
