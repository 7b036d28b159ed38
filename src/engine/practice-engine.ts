export type { PracticeEngine } from './engine-types.js';
