import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { startTerminal, type TerminalSession } from '../support/terminal-session.js';

const personas = (await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] })).list();

const TEXT = {
  en: {
    prompt: /\nYou: $/,
    graded: /Composure \d\/5/,
    summary: /— Session summary —/,
    hint: /Hint: \S/,
    replies: [
      'I can hear how much this has upset you, and I am sorry it happened. What exactly went wrong?',
      'That sounds really stressful. I will sort this out for you today and call you back by 3 pm.',
      'Thank you for telling me. Would it help if we set up a short call tomorrow to go through everything?',
    ],
  },
  de: {
    prompt: /\nSie: $/,
    graded: /Gelassenheit \d\/5/,
    summary: /— Zusammenfassung —/,
    hint: /Hinweis: \S/,
    replies: [
      'Ich höre, wie sehr Sie das verärgert hat, und es tut mir leid. Was genau ist passiert?',
      'Das klingt wirklich belastend. Ich kümmere mich heute darum und rufe Sie bis 15 Uhr zurück.',
      'Danke, dass Sie mir das sagen. Hilft es Ihnen, wenn wir morgen kurz telefonieren und alles durchgehen?',
    ],
  },
} as const;

/** Types a reply and waits for whatever comes next: the next prompt or the summary. Returns the new position and whether it ended. */
async function answer(terminal: TerminalSession, lang: 'de' | 'en', reply: string, from: number): Promise<{ at: number; ended: boolean }> {
  terminal.type(reply);
  const t = TEXT[lang];
  const graded = await terminal.waitFor(t.graded, from);
  const next = await terminal.waitFor(new RegExp(`${t.prompt.source}|${t.summary.source}`), graded);
  return { at: next, ended: t.summary.test(terminal.screen().slice(graded, next)) };
}

describe('terminal practice under a real pseudo-terminal', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-cli-'));
    env = { STORE_URL: `sqlite://${join(dir, 'store.sqlite')}` };
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('has the six built-in personas', () => {
    expect(personas.map((persona) => persona.id).sort()).toEqual(
      ['drifting-client', 'frustrated', 'grieving', 'impatient-caller', 'insulting', 'unusual-request'].sort(),
    );
  });

  for (const persona of personas) {
    for (const lang of ['en', 'de'] as const) {
      it(`plays a full session with ${persona.id} in ${lang}: brief, replies with feedback, hint, summary, stored transcript`, async () => {
        const user = `tester-${persona.id}-${lang}`;
        const terminal = startTerminal(['practice', '--persona', persona.id, '--lang', lang, '--intensity', 'standard', '--user', user, '--yes'], env);
        try {
          let at = await terminal.waitFor(TEXT[lang].prompt);
          expect(terminal.screen()).toContain(persona.brief[lang].situation);
          expect(terminal.screen()).toContain(`${persona.customerName[lang]}:`);
          terminal.type('/hint');
          at = await terminal.waitFor(TEXT[lang].hint, at);
          at = await terminal.waitFor(TEXT[lang].prompt, at);
          let ended = false;
          for (const reply of TEXT[lang].replies) {
            ({ at, ended } = await answer(terminal, lang, reply, at));
            if (ended) break;
          }
          if (!ended) {
            terminal.type('/end');
            await terminal.waitFor(TEXT[lang].summary, at);
          }
          expect(await terminal.exit).toBe(0);
          // the strongest reply is quoted the way the session's language quotes
          const summary = terminal.screen().slice(terminal.screen().search(TEXT[lang].summary));
          expect(summary).toMatch(lang === 'de' ? /Ihre stärkste Antwort \(\d(?:,\d)?\): „[^“]+“/ : /Your strongest reply \(\d(?:\.\d)?\): “[^”]+”/);
        } finally {
          terminal.kill();
        }
        const storage = await openStorage({ url: env['STORE_URL'] ?? '', log: pino({ level: 'silent' }) });
        try {
          const [listing] = await storage.sessions.listByUser(null, user);
          const session = listing ? await storage.sessions.get(listing.id) : undefined;
          expect(session?.status).toBe('ended');
          expect(session?.exchanges.length).toBeGreaterThanOrEqual(1);
          expect(session?.exchanges[0]?.reply).toBe(TEXT[lang].replies[0]);
        } finally {
          await storage.close();
        }
      });
    }
  }

  it('end of input pauses the session, and --resume continues it where it stopped', async () => {
    const user = 'resumer';
    const first = startTerminal(['practice', '--persona', 'frustrated', '--lang', 'en', '--user', user, '--yes', '--intensity', 'gentle'], env);
    let at = await first.waitFor(TEXT.en.prompt);
    ({ at } = await answer(first, 'en', TEXT.en.replies[0], at));
    first.type('/pause');
    await first.waitFor(/npm run practice -- --resume ([0-9a-f-]{36})/, at);
    const id = /--resume ([0-9a-f-]{36})/.exec(first.screen())?.[1] ?? '';
    expect(await first.exit).toBe(0);

    const second = startTerminal(['practice', '--resume', id, '--user', user], env);
    try {
      at = await second.waitFor(/Resuming where you left off/);
      at = await second.waitFor(TEXT.en.prompt, at);
      ({ at } = await answer(second, 'en', TEXT.en.replies[1], at));
      second.type('/end');
      await second.waitFor(/Replies graded: 2/, at);
      expect(await second.exit).toBe(0);
    } finally {
      second.kill();
    }
  });

  it('refuses an unknown persona with the list of known ones', async () => {
    const terminal = startTerminal(['practice', '--persona', 'nobody', '--lang', 'en'], env);
    await terminal.waitFor(/persona.*nobody|nobody.*persona/i);
    expect(terminal.screen()).toMatch(/frustrated/);
    expect(await terminal.exit).toBe(1);
  });

  it('asks for what was not passed as a flag, re-asks on a bad choice, and refuses an empty reply', async () => {
    const terminal = startTerminal(['practice', '--persona', 'frustrated', '--user', 'empty'], env);
    try {
      let at = await terminal.waitFor(/Language \(de\/en\)[\s\S]*> $/);
      terminal.type('fr');
      at = await terminal.waitFor(/Please answer with one of the listed options/, at);
      at = await terminal.waitFor(/> $/, at);
      terminal.type('en');
      at = await terminal.waitFor(/Intensity[\s\S]*> $/, at);
      terminal.type('2');
      at = await terminal.waitFor(TEXT.en.prompt, at);
      terminal.type('   ');
      at = await terminal.waitFor(/Your reply is empty/, at);
      at = await terminal.waitFor(TEXT.en.prompt, at);
      terminal.type('/end');
      await terminal.waitFor(/No replies were graded/, at);
      expect(await terminal.exit).toBe(0);
    } finally {
      terminal.kill();
    }
  });
});
