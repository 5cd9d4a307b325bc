export { RegionsHistory, REGIONS_LOADER } from './regions-history.js';
