import { jestProject } from '../../../jest.preset.js';

export default jestProject('accountability-read-model');
