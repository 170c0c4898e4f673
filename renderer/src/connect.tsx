import { bootPage } from './app/boot.tsx';
import { ConnectPage } from './features/connect/ConnectPage.tsx';

/** The Connect window's page: where a bank is linked. */
void bootPage(() => <ConnectPage />);
