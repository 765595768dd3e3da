/** The domain module's public surface: schemas, parsing, dates, calendar, derived facts and rule checks. */
export * from './dossier.js';
export * from './parse.js';
export * from './problems.js';
export * from './dates.js';
export * from './id-number.js';
export * from './names.js';
export * from './ethnicity.js';
export * from './political-status.js';
export * from './titles.js';
export * from './phone.js';
export * from './calendar.js';
export * from './experience.js';
export * from './defense.js';
export * from './mask.js';
export * from './windows.js';
export * from './ce-exemption.js';
export * from './checks.js';
