export const REGIONS_QUERIES = Symbol('REGIONS_QUERIES');
export const REGIONS_COMMANDS = Symbol('REGIONS_COMMANDS');
export const PROJECTIONS = Symbol('PROJECTIONS');
