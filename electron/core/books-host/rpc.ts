import { fromThreadError, type ThreadError, toThreadError } from './thread-errors.ts';

/** Each method of a side: one input, one output, both structured-cloneable. */
export type RpcApi = Record<string, { input: unknown; output: unknown }>;

/** A side's own methods; `signal` aborts when the caller's own signal does. */
export type RpcMethods<Api extends RpcApi> = {
  [Method in keyof Api]: (
    input: Api[Method]['input'],
    signal: AbortSignal,
  ) => Api[Method]['output'] | Promise<Api[Method]['output']>;
};

/** What either end of a worker thread's channel is: a Worker for main, parentPort for the worker. */
export interface RpcPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

type Wire =
  | { rpc: 'call'; id: number; method: string; input: unknown }
  | { rpc: 'cancel'; id: number }
  | { rpc: 'reply'; id: number; ok: true; value: unknown }
  | { rpc: 'reply'; id: number; ok: false; error: ThreadError }
  | { rpc: 'notice'; topic: string; payload: unknown };

/**
 * One end of a two-way call channel between main and the books worker: calls the other
 * side's methods (promises, with cancellation), answers its calls with `local`, and
 * carries one-way notices (events, state). Errors cross as thread-errors.ts describes.
 */
export class RpcPeer<Remote extends RpcApi, Local extends RpcApi, Notices extends Record<string, unknown>> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly answering = new Map<number, AbortController>();
  private readonly listener = (message: unknown) => void this.receive(message as Wire);
  private closedWith: Error | null = null;
  private readonly port: RpcPort;
  private readonly local: RpcMethods<Local>;
  private readonly onNotice: (topic: string, payload: unknown) => void;

  constructor(port: RpcPort, local: RpcMethods<Local>, onNotice: (topic: string, payload: unknown) => void = () => {}) {
    this.port = port;
    this.local = local;
    this.onNotice = onNotice;
    port.on('message', this.listener);
  }

  call<Method extends keyof Remote & string>(
    method: Method,
    input: Remote[Method]['input'],
    signal?: AbortSignal,
  ): Promise<Remote[Method]['output']> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    signal?.throwIfAborted();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const cancel = () => this.port.postMessage({ rpc: 'cancel', id } satisfies Wire);
      signal?.addEventListener('abort', cancel, { once: true });
      this.waiting.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', cancel);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', cancel);
          reject(error);
        },
      });
      this.port.postMessage({ rpc: 'call', id, method, input } satisfies Wire);
    });
  }

  notify<Topic extends keyof Notices & string>(topic: Topic, payload: Notices[Topic]): void {
    this.port.postMessage({ rpc: 'notice', topic, payload } satisfies Wire);
  }

  /** The other side is gone: every call still waiting fails with `error`, and later ones at once. */
  close(error: Error): void {
    this.closedWith = error;
    this.port.off('message', this.listener);
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
    for (const controller of this.answering.values()) controller.abort(error);
    this.answering.clear();
  }

  private async receive(message: Wire): Promise<void> {
    switch (message.rpc) {
      case 'notice':
        this.onNotice(message.topic, message.payload);
        return;
      case 'cancel':
        this.answering.get(message.id)?.abort(new DOMException('The caller gave up', 'AbortError'));
        return;
      case 'reply': {
        const waiter = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(fromThreadError(message.error));
        return;
      }
      case 'call':
        await this.answer(message.id, message.method, message.input);
    }
  }

  private async answer(id: number, method: string, input: unknown): Promise<void> {
    const controller = new AbortController();
    this.answering.set(id, controller);
    let reply: Wire;
    try {
      if (!Object.hasOwn(this.local, method)) throw new Error(`No method ${method} on this side`);
      const run = this.local[method] as (input: unknown, signal: AbortSignal) => unknown;
      reply = { rpc: 'reply', id, ok: true, value: await run(input, controller.signal) };
    } catch (error) {
      reply = { rpc: 'reply', id, ok: false, error: toThreadError(error) };
    } finally {
      this.answering.delete(id);
    }
    if (this.closedWith) return;
    try {
      this.port.postMessage(reply);
    } catch (error) {
      // An answer that cannot be cloned still answers: as the failure it is.
      this.port.postMessage({ rpc: 'reply', id, ok: false, error: toThreadError(error) } satisfies Wire);
    }
  }
}
