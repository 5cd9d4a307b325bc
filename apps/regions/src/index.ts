export { startRegions } from './start-regions.js';
