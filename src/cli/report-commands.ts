import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { App } from '../app/create-app.js';
import { createAdvice } from '../engine/advice.js';
import { UserFacingError } from '../errors.js';
import { exportGuildData } from '../privacy/index.js';
import { buildGroupReport, buildSessionReport, exportLabels, renderReport, ReportFormatSchema, type ReportDeps } from '../reports/index.js';
import { LanguageSchema } from '../evaluation/grade.js';

/**
 * Terminal access to the same report code Discord uses. The terminal is the operator's tool: it
 * reads the store directly, so it is for whoever runs the bot, not for trainees.
 */

/** "" or "-" means the terminal's own sessions (stored without a server). */
function guildOption(value: string | undefined): string | null {
  return value === undefined || value === '' || value === '-' ? null : value;
}

async function emit(out: NodeJS.WritableStream, file: string | undefined, body: string | Buffer): Promise<void> {
  if (file) await writeFile(file, body);
  else out.write(body);
}

/** `counterpart report <session-id | group:<id>> [--format html|md|csv|json] [--out FILE]` */
export async function runReport(app: App, args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', short: 'f', default: 'html' }, out: { type: 'string', short: 'o' }, lang: { type: 'string' } },
    allowPositionals: true,
  });
  // `md` is what people type; the report code calls the format markdown.
  const format = ReportFormatSchema.safeParse(values.format === 'md' ? 'markdown' : values.format);
  if (!format.success) throw new UserFacingError('bad_arguments', `--format must be one of html, md, csv, json`);
  const target = positionals[0];
  if (!target) throw new UserFacingError('bad_arguments', 'Usage: counterpart report <session-id | group:<group-id>> [--format html|md|csv|json] [--out FILE]');
  const lang = LanguageSchema.optional().safeParse(values.lang);
  if (!lang.success) throw new UserFacingError('bad_arguments', '--lang must be de or en');
  const deps: ReportDeps = { personas: app.personas, advise: createAdvice(app.personas), ...(lang.data ? { lang: lang.data } : {}) };
  let report;
  if (target.startsWith('group:')) {
    report = await buildGroupReport(app.storage, target.slice('group:'.length), deps);
  } else {
    const session = await app.storage.sessions.get(target);
    if (!session) throw new UserFacingError('session_not_found', `No session ${target} in ${app.config.STORE_URL}.`);
    report = buildSessionReport(session, deps);
  }
  const rendered = renderReport(report, format.data);
  await emit(out, values.out, rendered.body);
  if (values.out) err.write(`Wrote ${rendered.filename} (${rendered.contentType}) to ${values.out}\n`);
  return 0;
}

/** `counterpart export [--guild ID] [--out FILE]`: every stored session of a server (or of the terminal) as JSON. */
export async function runExport(app: App, args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args, options: { guild: { type: 'string', short: 'g' }, out: { type: 'string', short: 'o' } } });
  const data = await exportGuildData(app.storage, guildOption(values.guild));
  await emit(out, values.out, `${JSON.stringify(data, null, 2)}\n`);
  return 0;
}

/** `counterpart export-labels [--guild ID] [--out FILE]`: trainer overrides as eval JSON lines (see `npm run eval`). */
export async function runExportLabels(app: App, args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args, options: { guild: { type: 'string', short: 'g' }, out: { type: 'string', short: 'o' } } });
  await emit(out, values.out, await exportLabels(app.storage, guildOption(values.guild)));
  return 0;
}
