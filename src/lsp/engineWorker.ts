/** The language server's engine thread: the same engine service the editors run in their workers. */
import { parentPort } from 'node:worker_threads';
import { createEngineService, type WorkerRequest } from '../host/service.js';

const handle = createEngineService();
// Compile the rules now, while the server starts and the client initialises; requests wait in the queue meanwhile.
handle.warmUp();
parentPort?.on('message', (message: WorkerRequest) => parentPort?.postMessage(handle(message)));
