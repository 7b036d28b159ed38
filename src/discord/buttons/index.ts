import type { ButtonHandler } from '../button.js';
import { groupHooks } from '../group-seam.js';
import { reviewButtons } from '../review/review-handlers.js';
import { practiceButtons, practiceStartButtons } from './practice-buttons.js';

/** Every button handler; the router picks one by the custom id's prefix (the part before the first colon). */
export const buttons: readonly ButtonHandler[] = [practiceButtons, practiceStartButtons, ...reviewButtons, ...groupHooks.groupButtons];
