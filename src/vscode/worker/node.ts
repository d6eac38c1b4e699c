import { parentPort } from 'node:worker_threads';
import { createEngineService, type WorkerRequest } from '../../host/service.js';

const handle = createEngineService();
parentPort?.on('message', (message: WorkerRequest) => parentPort?.postMessage(handle(message)));
