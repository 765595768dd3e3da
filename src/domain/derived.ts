/** Facts the forms print that follow from the dossier (one import for forms). */
export { titleLevel, titleGrade, nextTitle } from './titles.js';
export { archivesExperience, formatExperience, type Experience } from './experience.js';
export {
  defenseExemptionReason,
  defenseExemptionReasons,
  DEFENSE_REASON_GRASSROOTS,
  DEFENSE_REASON_JUNIOR,
} from './defense.js';
export { maskName } from './mask.js';
export {
  assessmentPostponementYears,
  assessmentYears,
  continuingEducationWindow,
  postponementFor,
  PROFESSIONAL_HOURS_PER_YEAR,
  PUBLIC_HOURS_PER_YEAR,
  type CeWindow,
} from './windows.js';
