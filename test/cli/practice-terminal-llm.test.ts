import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { startTerminal } from '../support/terminal-session.js';

describe('terminal practice with an OpenAI-compatible endpoint', () => {
  let fake: FakeOpenAi;
  let dir: string;
  let spoken = 0;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ voiceLine: () => `Model line number ${++spoken}: so what happens with my card now?` });
    dir = await mkdtemp(join(tmpdir(), 'counterpart-cli-llm-'));
  });
  afterAll(async () => {
    await fake.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('speaks and grades through the model, and falls back to offline with a marker when the endpoint goes away', async () => {
    const terminal = startTerminal(['practice', '--persona', 'frustrated', '--lang', 'en', '--intensity', 'standard', '--user', 'llm', '--yes'], {
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      OPENAI_BASE_URL: fake.baseURL,
      LLM_TIMEOUT_MS: '3000',
      LLM_MAX_RETRIES: '0',
    });
    try {
      let at = await terminal.waitFor(/Model line number 1[^\n]*\nYou: $/);
      terminal.type('I am sorry your card was blocked abroad. I will unblock it right now.');
      at = await terminal.waitFor(/Composure \d\/5[^\n]*\n/, at);
      expect(terminal.screen().slice(at - 200, at)).not.toContain('[offline grading]');
      at = await terminal.waitFor(/Model line number \d[^\n]*\nYou: $/, at);
      expect(fake.requests.some((request) => request.purpose === 'judge')).toBe(true);

      await fake.close();
      terminal.type('Is there anything else I can do for you today?');
      at = await terminal.waitFor(/Composure \d\/5[^\n]*\[offline grading\]/, at);
      // the scripted customer may take the offline-graded reply as the end of the matter
      const next = await terminal.waitFor(/\nYou: $|— Session summary —/, at);
      if (
        !terminal
          .screen()
          .slice(next - 40, next)
          .includes('Session summary')
      )
        terminal.type('/end');
      await terminal.waitFor(/— Session summary —/, at);
      expect(await terminal.exit).toBe(0);
    } finally {
      terminal.kill();
    }
  });
});
