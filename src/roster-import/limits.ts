/** Bounds on one roster upload; the route can override them from config. */
const MiB = 1024 * 1024;

export interface RosterImportLimits {
  /** Size of the uploaded XLSX file, in bytes. */
  readonly maxFileBytes: number;
  /** Sum of the uncompressed sizes of the zip's parts, in bytes (zip-bomb guard). */
  readonly maxUncompressedBytes: number;
  /** Parts in the zip. */
  readonly maxZipEntries: number;
  /** Applicant rows on the main sheet. */
  readonly maxApplicants: number;
  /** Rows on any one list sheet. */
  readonly maxListRows: number;
}

export const DEFAULT_LIMITS: RosterImportLimits = {
  maxFileBytes: 10 * MiB,
  maxUncompressedBytes: 100 * MiB,
  maxZipEntries: 2_000,
  maxApplicants: 2_000,
  maxListRows: 50_000,
};
