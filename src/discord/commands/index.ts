import type { Command } from '../command.js';
import { calibrationCommand } from './calibration.js';
import { configCommand } from './config.js';
import { personasCommand } from './personas.js';
import { practiceCommand } from './practice.js';
import { privacyCommand } from './privacy.js';
import { progressCommand } from './progress.js';
import { sessionCommand } from './session.js';
import { teamReportCommand } from './team-report.js';
import { transcriptsCommand } from './transcripts.js';

/**
 * The one registry of slash commands: the interaction router dispatches by these names and
 * deploy-commands registers exactly these definitions. Add a command here or it does not exist.
 */
export const commands: readonly Command[] = [
  practiceCommand,
  personasCommand,
  progressCommand,
  sessionCommand,
  configCommand,
  transcriptsCommand,
  teamReportCommand,
  calibrationCommand,
  privacyCommand,
];
