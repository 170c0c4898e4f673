import { bootPage } from './app/boot.tsx';
import { ConnectFlow } from './features/connect/ConnectFlow.tsx';

/** The Connect window's page: where a bank is linked. */
void bootPage(() => <ConnectFlow />);
