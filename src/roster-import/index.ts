/** Roster workbooks: the template staff fill in, and its import into dossiers. */
export { buildRosterTemplate } from './template.js';
export { importInProcess } from './in-process.js';
export { examplesOnMainSheet } from './examples.js';
export type { RosterImportResult } from './import.js';
export { XLSX_MEDIA_TYPE } from './workbook.js';
export { RosterImportResponse } from './schema.js';
export { rosterImportOpenApiPaths } from './openapi.js';
