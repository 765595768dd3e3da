/** Facts the forms print that follow from the dossier (one import for forms). */
export { titleLevel } from './titles.js';
export { archivesExperience, formatExperience } from './experience.js';
export { defenseExemptionReason } from './defense.js';
export { maskName } from './mask.js';
export { assessmentPostponementYears, continuingEducationWindow } from './windows.js';
