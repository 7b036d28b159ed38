#!/usr/bin/env node
// Runs the TypeScript sources through tsx: no build step between `npm install` and `npm run practice`.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// A .env file in the working directory is read like the environment; real variables win.
if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
