// Entry of a roster-import worker thread when the service runs from the
// TypeScript sources (vitest, `npm run dev`): tsx is registered in the thread
// before import-task.ts is loaded. The compiled service starts its threads from
// dist/roster-import/import-task.js directly (see src/threads/entry.ts).
import { register } from 'tsx/esm/api';

register();

export const { runImportTask } = await import('./import-task.ts');
