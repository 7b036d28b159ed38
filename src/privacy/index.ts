export { describeStoredData, deleteMemberData, RetentionDaysSchema, type DeletionResult, type MemberDataEraser, type StoredDataDescription } from './member-data.js';
export { purgeExpired, type PurgeResult } from './retention.js';
export { exportGuildData, GuildExportSchema, type GuildExport } from './guild-export.js';
