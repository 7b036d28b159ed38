import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configVariableNames, loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';

describe('configuration', () => {
  it('.env.example lists exactly the variables the schema knows', async () => {
    const example = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = example
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined)
      .sort();
    expect(listed).toEqual(configVariableNames());
  });

  it('every variable in .env.example has a comment above it', async () => {
    const lines = (await readFile(new URL('../../.env.example', import.meta.url), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (/^[A-Z][A-Z0-9_]*=/.test(line)) expect(lines[index - 1], `comment above ${line}`).toMatch(/^#/);
    });
  });

  it('runs with nothing configured', () => {
    const config = loadConfig({});
    expect(config.STORE_URL).toBe('sqlite://data/counterpart.sqlite');
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.OPENAI_API_KEY).toBeUndefined();
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(loadConfig({ LOG_LEVEL: '', DEFAULT_LANGUAGE: '' }).DEFAULT_LANGUAGE).toBe('en');
  });

  it('fails fast naming the variable and the problem', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
