import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` (`npm run test:unit`, well under a minute): models,
 * layout, parsing and rendering in this process. `integration`: the whole app
 * over HTTP, the compiled server, worker threads, LibreOffice, the command line,
 * batches, packets, and the tests that rasterise every form.
 *
 * Timeouts are generous because the tests must hold on a busy 2-core machine;
 * speed is measured by `npm run bench`, never by a test's clock. At least two
 * test files run at once: many tests wait on LibreOffice or poppler in a child
 * process, which leaves a core to the other file.
 */
const INTEGRATION = [
  'test/batch/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/http/**/*.test.ts',
  'test/packet/**/*.test.ts',
  'test/hostile/**/*.test.ts',
  'test/roster-import/import.test.ts',
  'test/roster-import/routes.test.ts',
  'test/verify/end-to-end.test.ts',
  'test/forms/render-docx.test.ts',
  'test/forms/render-pdf.test.ts',
  'test/forms/xlsx-layout.test.ts',
  'test/forms/review-form/docx.test.ts',
  'test/forms/review-form/pdf.test.ts',
  'test/forms/review-form/photo-docx.test.ts',
  'test/forms/review-form/photo-pdf.test.ts',
  'test/render/**/*libreoffice*.test.ts',
  // Tables and spreadsheets printed through LibreOffice.
  'test/print-quality/**/*.test.ts',
  'test/print/**/*.test.ts',
  // The staff page in a real browser against the app on a port.
  'test/web/{applicant,packet,batch,verify}.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION } },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
