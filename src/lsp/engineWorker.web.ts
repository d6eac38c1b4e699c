/// <reference lib="webworker" />
/** The web language server's engine worker: the same engine service as on Node (engineWorker.ts). */
import { createEngineService, type WorkerRequest } from '../host/service.js';

const handle = createEngineService();
// Compile the rules now, while the server starts and the client initialises; requests wait in the queue meanwhile.
handle.warmUp();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => scope.postMessage(handle(event.data));
