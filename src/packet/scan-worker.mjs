// Entry of the worker threads that read uploaded scans. Node 20 does not apply
// the ESM loader hooks of `--import tsx` inside worker threads, so tsx is
// registered here (as the render workers do) before the .ts module is loaded.
import { register } from 'tsx/esm/api';

register();

const { runScanTask } = await import('./scan-task.ts');

export default runScanTask;
