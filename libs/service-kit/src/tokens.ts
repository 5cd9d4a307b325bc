/** Ports and settings are wired by Symbol tokens, so nothing depends on a concrete adapter's class. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');
export const LOGGER = Symbol('LOGGER');
export const CLOCK = Symbol('CLOCK');
export const PROJECTIONS = Symbol('PROJECTIONS');
