/** Roster workbooks: the template staff fill in, and its import into dossiers. */
export { buildRosterTemplate } from './template.js';
export { importInProcess } from './in-process.js';
export type { ImportOptions, RosterImportResult, RowError, RowResult, SkippedRow } from './import.js';
export { DEFAULT_LIMITS, type RosterImportLimits } from './limits.js';
export { XLSX_MEDIA_TYPE } from './workbook.js';
export { RosterImportResponse } from './schema.js';
export { rosterImportOpenApiPaths } from './openapi.js';
export { createRosterImportPool, DEFAULT_ISOLATION, type IsolationOptions, type RosterImportPool } from './isolated.js';
export type { RosterImportRoutesOptions } from './routes.js';
