import { jestProject } from '../../../jest.preset.js';

export default jestProject('regions-mirror');
