// Entry of the worker threads that read roster uploads. Node 20 does not apply
// the ESM loader hooks of `--import tsx` inside worker threads, so tsx is
// registered here (as the render workers do) before the .ts module is loaded.
import { register } from 'tsx/esm/api';

register();

const { runImportTask } = await import('./import-task.ts');

export default runImportTask;
