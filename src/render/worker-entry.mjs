// Entry of a render worker thread. Node 20 does not apply the ESM loader hooks of
// `--import tsx` inside worker threads, so dynamic imports of .ts files (the
// renderers, the forms) would fail there; registering tsx here makes them work
// under `npm start` and under vitest alike.
import { register } from 'tsx/esm/api';

register();

const { default: renderInWorker } = await import('./worker.ts');

export default renderInWorker;
