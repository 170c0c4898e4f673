import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract.ts';

/** The one map from IPC channel to implementation (Actual Budget's pattern). */
export type HandlerMap = {
  [C in Channel]: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
