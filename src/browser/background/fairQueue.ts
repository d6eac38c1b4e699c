/**
 * The texts waiting for the engine, fair across tabs. Each port (a frame's field UI, so in
 * practice a tab) has its own line, with at most one text per field: a newer text for a
 * field replaces the waiting one and keeps its place. The next text comes from the port
 * served least recently (a port never served first), so ports take turns: a page with many
 * fields, or one field typed into without pause, gets one text checked and then waits for
 * every other tab with a text waiting.
 */
export interface QueuedJob {
  portId: number;
  /** The field, unique across ports (the engine's cache key for it). */
  fieldKey: string;
}

interface PortLine<J> {
  /** Its waiting jobs by field, oldest first. */
  fields: Map<string, J>;
  /** When it was last served (a count of jobs handed out); -1 for never. */
  lastServed: number;
}

export class FairQueue<J extends QueuedJob> {
  /** Kept while the port is connected, even with nothing waiting, to remember its last turn. */
  private readonly ports = new Map<number, PortLine<J>>();
  private served = 0;

  get size(): number {
    let count = 0;
    for (const line of this.ports.values()) count += line.fields.size;
    return count;
  }

  /** Queues the job; returns the job it replaced (the same field's older text), if one was waiting. */
  add(job: J): J | undefined {
    let line = this.ports.get(job.portId);
    if (!line) this.ports.set(job.portId, (line = { fields: new Map(), lastServed: -1 }));
    const replaced = line.fields.get(job.fieldKey);
    line.fields.set(job.fieldKey, job); // Map.set on an existing key keeps its place in line
    return replaced;
  }

  /** The oldest waiting job of the port whose turn it is. */
  next(): J | undefined {
    let turn: PortLine<J> | undefined;
    for (const line of this.ports.values()) {
      if (line.fields.size && (!turn || line.lastServed < turn.lastServed)) turn = line;
    }
    if (!turn) return undefined;
    const [fieldKey, job] = turn.fields.entries().next().value as [string, J];
    turn.fields.delete(fieldKey);
    turn.lastServed = this.served++;
    return job;
  }

  /** The port went away: its waiting jobs, removed, and its place in the turns forgotten. */
  dropPort(portId: number): J[] {
    const line = this.ports.get(portId);
    this.ports.delete(portId);
    return line ? [...line.fields.values()] : [];
  }
}
