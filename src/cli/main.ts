import { createApp, createMemoryStorage, createProviders, loadPersonas } from '../app/create-app.js';
import { loadConfig, type AppConfig } from '../config/config.js';
import { AppError, ConfigError, UserFacingError } from '../errors.js';
import { createLogger, secretsOf, type Logger } from '../log/logger.js';
import { runGrade } from './grade-command.js';
import { createLineReader } from './line-reader.js';
import { runPractice } from './practice-command.js';
import { createPainter } from './render.js';

const USAGE = `Usage: counterpart <command> [options]

Commands:
  practice [--persona ID] [--lang de|en] [--intensity gentle|standard|harsh] [--resume SESSION] [--user NAME] [--yes]
                      practise in this terminal (no configuration needed)
  grade               read JSON lines {"id","lang","customer","reply","history"?,"persona"?} on stdin,
                      write one {"id","grade"} line per input line to stdout
  eval FILE…          measure the grader against labelled JSONL files (e.g. ../shared/eval/*.jsonl)
  report ID [--format html|md|csv|json] [--out FILE]
                      a session's report (ID = session id, or group:<group-id> for a whole group session)
  export [--guild ID] [--out FILE]
                      every stored session of a server (default: the terminal's) as JSON
  export-labels [--guild ID] [--out FILE]
                      trainers' grade overrides as labelled JSON lines for \`eval\`
  train-grader [--check] [--corpus DIR] [--out FILE]
                      train the offline grader's model from corpus/ (--check: verify the committed
                      model is reproduced byte for byte instead of writing it)
  bot                 run the Discord bot (needs DISCORD_TOKEN)
  deploy-commands     register the slash commands with Discord
  help                show this text
`;

interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** Terminal commands log only warnings unless LOG_LEVEL says otherwise: the conversation is the output. */
function loggerFor(command: string, config: AppConfig, env: Io['env']): Logger {
  const quiet = command !== 'bot' && env['LOG_LEVEL'] === undefined;
  // The configured token, key and store password are scrubbed from every line, wherever they turn up.
  return createLogger({ level: quiet ? 'warn' : config.LOG_LEVEL, format: config.LOG_FORMAT, secrets: secretsOf(config) });
}

/** Errors whose message tells the operator what to fix (a broken persona file, corpus or model). */
const OPERATOR_CODES = new Set(['persona_invalid', 'corpus_invalid', 'corpus_empty', 'grader_model_missing', 'grader_model_invalid', 'grader_model_outdated']);

const OWN_HELP = new Set(['eval', 'train-grader']);

/** node:util parseArgs rejects an unknown or incomplete option with one of these codes. */
function isBadOption(error: unknown): error is Error {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command = 'help', ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  // eval and train-grader print their own, longer help
  if (!OWN_HELP.has(command) && (args.includes('--help') || args.includes('-h'))) {
    io.stdout.write(USAGE);
    return 0;
  }
  let log: Logger | undefined;
  try {
    const config = loadConfig(io.env);
    log = loggerFor(command, config, io.env);
    switch (command) {
      case 'practice': {
        const app = await createApp({ config, log });
        const reader = createLineReader(io.stdin, io.stdout);
        try {
          const color = Boolean(io.stdout.isTTY) && io.env['NO_COLOR'] === undefined;
          return await runPractice(app, args, { reader, out: io.stdout, paint: createPainter(color) });
        } finally {
          reader.close();
          await app.close();
        }
      }
      case 'grade': {
        const storage = createMemoryStorage(log);
        const personas = await loadPersonas(config, log);
        const providers = await createProviders({ config, log, storage });
        return await runGrade({ grader: providers.grader, personas, log }, io.stdin, io.stdout, io.stderr);
      }
      case 'eval': {
        const { runEvalCommand } = await import('../evaluation/eval/eval-command.js');
        const storage = createMemoryStorage(log);
        const providers = await createProviders({ config, log, storage });
        return await runEvalCommand(args, { stdout: io.stdout, stderr: io.stderr }, providers.grader);
      }
      case 'report':
      case 'export':
      case 'export-labels': {
        const reports = await import('./report-commands.js');
        const app = await createApp({ config, log });
        try {
          if (command === 'report') return await reports.runReport(app, args, io.stdout, io.stderr);
          if (command === 'export') return await reports.runExport(app, args, io.stdout);
          return await reports.runExportLabels(app, args, io.stdout);
        } finally {
          await app.close();
        }
      }
      case 'train-grader': {
        const { runTrainGrader } = await import('../evaluation/training/train-command.js');
        return runTrainGrader(args, { stdout: io.stdout, stderr: io.stderr });
      }
      case 'bot': {
        // discord.js loads only for the bot, so terminal commands start fast.
        const { startBot } = await import('../discord/start-bot.js');
        const bot = await startBot({ config, log });
        const botLog = log;
        await new Promise<void>((resolve) => {
          const stop = (signal: NodeJS.Signals) => {
            botLog.info({ signal }, 'shutting down');
            void bot.stop().finally(resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }
      case 'deploy-commands': {
        const { deployCommandsFromConfig } = await import('../discord/deploy-commands.js');
        const result = await deployCommandsFromConfig(config, log);
        io.stdout.write(`Registered ${result.names.length} commands (${result.scope}): ${result.names.join(', ')}\n`);
        return 0;
      }
      default:
        io.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (isBadOption(error)) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UserFacingError || (error instanceof AppError && OPERATOR_CODES.has(error.code))) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    const reference = Math.random().toString(36).slice(2, 10);
    log?.error({ err: error, reference }, 'command failed');
    io.stderr.write(`Something went wrong (reference ${reference}). ${log ? 'Details are in the log.' : String(error)}\n`);
    return 1;
  }
}
