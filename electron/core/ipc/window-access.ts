import type { Channel, EventName } from '../../shared/channels.ts';
import { type WindowKind, windowScopes } from '../../shared/window-scopes.ts';

/**
 * Whether a window may invoke a channel: only those of its kind's scope. A sender main
 * gave no kind (a web contents Balancete did not make, such as DevTools) may invoke none.
 */
export function mayInvoke(window: WindowKind | null, channel: Channel): boolean {
  return window !== null && windowScopes[window].channels.includes(channel);
}

/** Whether main sends an event to a window: only those of its kind's scope. */
export function mayReceive(window: WindowKind | null, event: EventName): boolean {
  return window !== null && windowScopes[window].events.includes(event);
}
