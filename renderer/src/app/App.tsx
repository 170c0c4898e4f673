import { Navigate, Route, Routes } from 'react-router';
import { AccountsPage } from '../features/accounts/AccountsPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { Shell } from './Shell.tsx';

export function App() {
  return (
    <Shell>
      <Routes>
        <Route path="/accounts" element={<AccountsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/accounts" replace />} />
      </Routes>
    </Shell>
  );
}
