import { fileURLToPath } from 'node:url';

// This file sits directly in src/ (run through tsx) or dist/ (built), so both lie two levels below apps/.
export const APPS_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
