import { Readable } from 'node:stream';

/**
 * Faults the sandbox can inject, to test how a client copes with a real network and a
 * real API: throttling, server errors, connections dropped mid-body, slowness, broken
 * or surprising JSON.
 */
export type FaultKind =
  'rate-limit' | 'server-error' | 'reset' | 'slow' | 'truncate' | 'malformed' | 'extra-fields' | 'unknown-enums';

export interface FaultRule {
  kind: FaultKind;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only paths that start with this text, or match this expression (any when absent). */
  path?: string | RegExp;
  /** For server-error: the status to answer, usually 500, 502 or 503 (default 503). */
  status?: number;
  /** For server-error: a `codeDescription` for the error body. */
  codeDescription?: string;
  /** For rate-limit: the Retry-After seconds (default 1). */
  retryAfterSeconds?: number;
  /** For slow: how long to wait before answering (default 2000). */
  delayMs?: number;
  /**
   * For unknown-enums: fields left out of every object as well, so that nothing else tells
   * what the unknown value stands for (an account type with neither bankData nor creditData).
   */
  omit?: readonly string[];
  /** How many requests it applies to before it goes away (for ever when absent). */
  times?: number;
}

/** Kinds decided before the handler runs, and kinds that rewrite the body it produced. */
const beforeKinds = new Set<FaultKind>(['rate-limit', 'server-error', 'slow']);

export class FaultInjector {
  private rules: FaultRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that applies to a request at this stage, used up by one if counted. */
  take(method: string, path: string, stage: 'before' | 'body'): FaultRule | undefined {
    const index = this.rules.findIndex(
      (rule) =>
        beforeKinds.has(rule.kind) === (stage === 'before') &&
        (!rule.method || rule.method.toUpperCase() === method.toUpperCase()) &&
        matchesPath(rule.path, path),
    );
    const rule = this.rules[index];
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules.splice(index, 1);
    }
    return rule;
  }
}

function matchesPath(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? path.startsWith(pattern) : pattern.test(path);
}

/** The body a body-stage fault turns a JSON payload into. */
export function corruptBody(rule: FaultRule, payload: string): string | Readable {
  switch (rule.kind) {
    case 'truncate':
      return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    case 'malformed':
      return `${payload.slice(0, -1)},}`;
    case 'reset': {
      // Half the body, then the connection dies: the client sees a premature close.
      const half = payload.slice(0, Math.floor(payload.length / 2));
      return new Readable({
        read() {
          this.push(half);
          setImmediate(() => this.destroy(new Error('sandbox fault: connection reset')));
        },
      });
    }
    case 'extra-fields':
      return JSON.stringify(addUnknownFields(JSON.parse(payload)));
    case 'unknown-enums':
      return JSON.stringify(replaceEnums(JSON.parse(payload), new Set(rule.omit)));
    default:
      return payload;
  }
}

/** Every object gains fields no client knows yet, as Pluggy adds fields without notice. */
function addUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(addUnknownFields);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, addUnknownFields(child)]),
  );
  copy.sandboxNewField = 'added by the sandbox';
  copy.sandboxNewObject = { nested: [1, 2, 3] };
  return copy;
}

/** Enum values no client knows yet, where Pluggy treats enums as open sets. */
const futureEnums: Record<string, string> = {
  paymentMethod: 'PIX_AUTOMATICO',
  executionStatus: 'SOME_FUTURE_STEP',
  subtype: 'SALARY_ACCOUNT',
  status: 'SOME_FUTURE_STATUS',
  type: 'SOME_FUTURE_TYPE',
};

function replaceEnums(value: unknown, omit: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((child) => replaceEnums(child, omit));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !omit.has(key))
      .map(([key, child]) => [
        key,
        typeof child === 'string' && futureEnums[key] && /^[A-Z_]+$/.test(child)
          ? futureEnums[key]
          : replaceEnums(child, omit),
      ]),
  );
}
