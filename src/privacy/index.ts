export { describeStoredData, deleteMemberData } from './member-data.js';
export { purgeExpired } from './retention.js';
export { exportGuildData } from './guild-export.js';
