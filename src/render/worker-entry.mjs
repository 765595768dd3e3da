// Entry of a render worker thread when the service runs from the TypeScript
// sources (vitest, `npm run dev`): loader hooks of the main thread do not reach
// worker threads, so tsx is registered here before worker.ts is loaded. The
// compiled service starts its threads from dist/render/worker.js directly
// (see src/threads/entry.ts).
import { register } from 'tsx/esm/api';

register();

const { default: renderInWorker } = await import('./worker.ts');

export default renderInWorker;
