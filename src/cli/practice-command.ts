import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { App } from '../app/create-app.js';
import type { ReplyResult } from '../engine/engine-types.js';
import { usageCapNotice } from '../llm/usage-cap-notice.js';
import type { Session } from '../engine/session.js';
import { currentLine } from '../engine/session.js';
import { LanguageSchema, type Language } from '../evaluation/grade.js';
import { UserFacingError } from '../errors.js';
import { contentNotice, personaBrief, personaName } from '../personas/persona-text.js';
import { IntensitySchema, type Intensity, type Persona } from '../personas/persona-schema.js';
import { cliText, fill } from './cli-text.js';
import type { LineReader } from './line-reader.js';
import { renderCustomerLine, renderGrade, renderSummary, type Painter } from './render.js';

interface PracticeIo {
  reader: LineReader;
  out: NodeJS.WritableStream;
  paint: Painter;
}

const PracticeArgsSchema = z.object({
  persona: z.string().optional(),
  lang: LanguageSchema.optional(),
  intensity: IntensitySchema.optional(),
  user: z.string().min(1).default('local'),
  resume: z.string().optional(),
  yes: z.boolean().default(false),
});

function parsePracticeArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      persona: { type: 'string', short: 'p' },
      lang: { type: 'string', short: 'l' },
      intensity: { type: 'string', short: 'i' },
      user: { type: 'string', short: 'u' },
      resume: { type: 'string', short: 'r' },
      yes: { type: 'boolean', short: 'y' },
    },
    strict: true,
  });
  const parsed = PracticeArgsSchema.safeParse(values);
  if (!parsed.success) {
    throw new UserFacingError(
      'bad_arguments',
      `Invalid option: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Asks until the answer is one of `options` (by number or by name); null when input ended. */
async function choose<T extends string>(io: PracticeIo, lang: Language, prompt: string, options: readonly T[], labels?: string[]): Promise<T | null> {
  const t = cliText(lang);
  for (;;) {
    const listing = options.map((option, index) => `  ${index + 1}) ${labels?.[index] ?? option}`).join('\n');
    const answer = await io.reader.ask(`${prompt}:\n${listing}\n> `);
    if (answer === null) return null;
    const trimmed = answer.trim().toLowerCase();
    const byNumber = options[Number(trimmed) - 1];
    const byName = options.find((option) => option.toLowerCase() === trimmed);
    const choice = /^\d+$/.test(trimmed) ? byNumber : byName;
    if (choice) return choice;
    io.out.write(`${t.invalidChoice}\n`);
  }
}

async function confirm(io: PracticeIo, lang: Language, prompt: string): Promise<boolean | null> {
  const answer = await io.reader.ask(`${prompt} `);
  if (answer === null) return null;
  return (cliText(lang).yes as readonly string[]).includes(answer.trim().toLowerCase());
}

/** The interactive terminal practice: `counterpart practice [--persona id] [--lang de|en] [--intensity …] [--resume id]`. */
export async function runPractice(app: App, args: string[], io: PracticeIo): Promise<number> {
  const options = parsePracticeArgs(args);
  const uiLang = options.lang ?? app.config.DEFAULT_LANGUAGE;
  io.out.write(`${io.paint('bold', cliText(uiLang).welcome)}\n\n`);

  let session: Session | undefined;
  if (options.resume) {
    session = await app.engine.get(options.resume);
    if (!session || session.userId !== options.user) throw new UserFacingError('session_not_found', `No session ${options.resume} for user ${options.user}.`);
  } else if (!options.persona) {
    session = await offerResume(app, io, options.user, uiLang);
  }

  if (session) {
    const persona = app.personas.require(session.personaId);
    if (session.status === 'paused') ({ session } = await app.engine.resume(session.id));
    io.out.write(`${cliText(session.lang).resumed}\n\n`);
    printTranscriptTail(io, session, persona);
    return converse(app, io, session, persona);
  }

  const personas = app.personas.list();
  const personaId =
    options.persona ??
    (await choose(
      io,
      uiLang,
      cliText(uiLang).choosePersona,
      personas.map((p) => p.id),
      personas.map((p) => `${personaName(p, uiLang)} (${p.id}, ${'★'.repeat(p.difficulty)})`),
    ));
  if (personaId === null) return 1;
  const persona = app.personas.require(personaId);
  const lang = options.lang ?? (await choose(io, uiLang, cliText(uiLang).chooseLanguage, LanguageSchema.options));
  if (lang === null) return 1;
  const intensity: Intensity | null = options.intensity ?? (await choose(io, lang, cliText(lang).chooseIntensity, IntensitySchema.options));
  if (intensity === null) return 1;
  const t = cliText(lang);

  const notice = contentNotice(persona, lang, intensity);
  if (notice) {
    io.out.write(`${io.paint(['bold', 'yellow'], '⚠')} ${notice}\n`);
    const go = options.yes ? true : await confirm(io, lang, t.noticeConfirm);
    if (!go) {
      io.out.write(`${t.cancelled}\n`);
      return go === null ? 1 : 0;
    }
  }

  const brief = personaBrief(persona, lang);
  io.out.write(
    `\n${io.paint('bold', personaName(persona, lang))}\n${t.situation}: ${brief.situation}\n${t.goal}: ${brief.goal}\n${io.paint('dim', t.commands)}\n\n`,
  );
  const started = await app.engine.start({ userId: options.user, guildId: null, personaId: persona.id, lang, intensity });
  io.out.write(renderCustomerLine(started.line, lang, io.paint, persona.customerName[lang]));
  return converse(app, io, started.session, persona);
}

async function offerResume(app: App, io: PracticeIo, userId: string, lang: Language): Promise<Session | undefined> {
  const open = (await app.storage.sessions.listByUser(null, userId)).find((listing) => listing.status !== 'ended');
  if (!open) return undefined;
  const persona = app.personas.get(open.personaId);
  if (!persona) return undefined;
  const yes = await confirm(io, lang, fill(cliText(lang).resumeOffer, { persona: personaName(persona, lang), turns: open.turns }));
  return yes ? app.engine.get(open.id) : undefined;
}

function printTranscriptTail(io: PracticeIo, session: Session, persona: Persona): void {
  const line = currentLine(session);
  if (line) io.out.write(renderCustomerLine(line, session.lang, io.paint, persona.customerName[session.lang]));
}

async function converse(app: App, io: PracticeIo, start: Session, persona: Persona): Promise<number> {
  const { engine } = app;
  const { llm, usage } = app.providers;
  const lang = start.lang;
  const t = cliText(lang);
  const name = persona.customerName[lang];
  const sessionId = start.id;
  for (;;) {
    const input = await io.reader.ask(`${io.paint(['bold', 'blue'], `${t.you}:`)} `);
    if (input === null || input.trim() === '/pause') {
      // End of input (Ctrl-D, closed pipe) keeps the session resumable instead of ending it.
      await engine.pause(sessionId);
      io.out.write(`\n${fill(t.paused, { id: sessionId })}\n`);
      return 0;
    }
    const command = input.trim();
    try {
      if (command === '/end') {
        const ended = await engine.end(sessionId);
        io.out.write(`\n${renderSummary(ended.summary, io.paint)}${fill(t.savedAs, { id: sessionId })}\n`);
        return 0;
      }
      if (command === '/hint') {
        io.out.write(`${io.paint('cyan', `${t.hint}:`)} ${await engine.hint(sessionId)}\n`);
        continue;
      }
      if (command === '/retry') {
        const retried = await engine.retry(sessionId);
        io.out.write(`${t.retry}\n${renderCustomerLine(retried.line, lang, io.paint, name)}`);
        continue;
      }
      if (/^\/[a-z]+$/.test(command)) {
        io.out.write(`${t.unknownCommand}\n`);
        continue;
      }
      const result: ReplyResult = await engine.reply(sessionId, input);
      io.out.write(renderGrade(result.exchange.grade, lang, io.paint, llm));
      const cap = usage ? await usage.capReached({ id: sessionId, guildId: null }) : null;
      if (cap) io.out.write(`${io.paint('dim', usageCapNotice(cap, lang))}\n`);
      if (result.line) io.out.write(renderCustomerLine(result.line, lang, io.paint, name));
      if (result.ended) {
        io.out.write(`\n${renderSummary(result.ended.summary, io.paint)}${fill(t.savedAs, { id: sessionId })}\n`);
        return 0;
      }
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      io.out.write(`${io.paint('yellow', error.message)}\n`);
    }
  }
}
