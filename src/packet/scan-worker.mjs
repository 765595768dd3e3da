// Entry of an upload worker thread when the service runs from the TypeScript
// sources (vitest, `npm run dev`): tsx is registered in the thread before
// scan-task.ts is loaded. The compiled service starts its threads from
// dist/packet/scan-task.js directly (see src/threads/entry.ts).
import { register } from 'tsx/esm/api';

register();

export const { runScanTask } = await import('./scan-task.ts');
