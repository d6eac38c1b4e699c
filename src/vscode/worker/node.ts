import { parentPort } from 'node:worker_threads';
import { createWorkerService, type WorkerRequest } from './service.js';

const handle = createWorkerService();
parentPort?.on('message', (message: WorkerRequest) => parentPort?.postMessage(handle(message)));
