/** The worker thread of `writeCartridgeStepApart` (site-step.ts): writes the cartridges and reports what it wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSiteCartridges } from './export.ts';
import type { CartridgeStep } from './site-step.ts';

const step = workerData as CartridgeStep;
parentPort!.postMessage(writeSiteCartridges(step.dist, step.curriculum, step.cacheDir));
