export { deciderSpec, type DeciderThen } from './decider-spec.js';
