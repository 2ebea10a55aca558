import { resolve } from 'node:path';

/** The api package folder (apps/api), from src/config or dist/config alike. */
export const API_ROOT = resolve(__dirname, '..', '..');

/** The repository root. */
export const REPO_ROOT = resolve(API_ROOT, '..', '..');
