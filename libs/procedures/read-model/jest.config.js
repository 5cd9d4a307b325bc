import { jestProject } from '../../../jest.preset.js';

export default jestProject('procedures-read-model');
