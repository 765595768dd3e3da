/**
 * Sample inputs served at GET /v1/forms/:id/sample: copies of the three test
 * applicants, kept here so the service never reads test/ at run time.
 */
import ayguli from './ayguli-junior.json' with { type: 'json' };
import bater from './bater-initial.json' with { type: 'json' };
import zhangYue from './zhang-yue-intermediate.json' with { type: 'json' };
import rosterUnit from './roster-unit.json' with { type: 'json' };

const SAMPLE_DOSSIERS = {
  'ayguli-junior': ayguli,
  'bater-initial': bater,
  'zhang-yue-intermediate': zhangYue,
} as const;

export type SampleName = keyof typeof SAMPLE_DOSSIERS;

/** A fresh copy of one sample dossier (raw JSON, before schema defaults). */
export function sampleDossier(name: SampleName = 'ayguli-junior'): unknown {
  return structuredClone(SAMPLE_DOSSIERS[name]);
}

/** A roster input: the sample unit and all three sample dossiers. */
export function sampleRosterInput(): unknown {
  return structuredClone({ unit: rosterUnit, dossiers: [zhangYue, ayguli, bater] });
}
