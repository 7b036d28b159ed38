export * from './fake-discord.js';
export { snowflake } from './payloads.js';
