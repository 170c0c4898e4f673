import { HashRouter } from 'react-router';
import { App } from './app/App.tsx';
import { bootPage } from './app/boot.tsx';

void bootPage(() => (
  <HashRouter>
    <App />
  </HashRouter>
));
