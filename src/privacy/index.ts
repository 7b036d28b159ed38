export {
  describeStoredData,
  deleteMemberData,
  RetentionDaysSchema,
  type DeletionResult,
  type MemberDataEraser,
  type SessionGuard,
  type StoredDataDescription,
} from './member-data.js';
export { purgeExpired, type PurgeResult } from './retention.js';
export { exportGuildData, GuildExportSchema, type GuildExport } from './guild-export.js';
export { privacyText, type DeletionSummary, type PrivacyText } from './privacy-text.js';
