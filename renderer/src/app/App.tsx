import { ErrorBoundary } from 'react-error-boundary';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { AccountRegisterPage } from '../features/accounts/AccountRegisterPage.tsx';
import { AccountsPage } from '../features/accounts/AccountsPage.tsx';
import { CategoriesPage } from '../features/categories/CategoriesPage.tsx';
import { ReviewPage } from '../features/classification/ReviewPage.tsx';
import { ConnectionsPage } from '../features/connections/ConnectionsPage.tsx';
import { ReconciliationPage } from '../features/reconciliation/ReconciliationPage.tsx';
import { ReportsPage } from '../features/reports/ReportsPage.tsx';
import { StatementImportProvider } from '../features/imports/StatementImportProvider.tsx';
import { ApplyRulesProvider } from '../features/rules/ApplyRulesProvider.tsx';
import { RulesPage } from '../features/rules/RulesPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { TransactionsPage } from '../features/transactions/TransactionsPage.tsx';
import { Shell } from './Shell.tsx';

export function App() {
  const location = useLocation();
  return (
    <Shell>
      {/* Outside the boundary and the routes: an apply's result and Undo outlive the Rules screen. */}
      <ApplyRulesProvider>
        {/* The import dialog and its Desfazer, opened from a screen or by dropping a file anywhere on the window. */}
        <StatementImportProvider>
          {/* A screen that fails to render shows an error, not a blank window; moving to another screen retries. */}
          <ErrorBoundary
            resetKeys={[location.pathname]}
            fallbackRender={({ error, resetErrorBoundary }) => (
              <ErrorNotice error={error} onRetry={resetErrorBoundary} />
            )}
          >
            <Routes>
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/accounts/:id" element={<AccountRegisterPage />} />
              <Route path="/connections" element={<ConnectionsPage />} />
              <Route path="/transactions" element={<TransactionsPage />} />
              <Route path="/rules" element={<RulesPage />} />
              <Route path="/categories" element={<CategoriesPage />} />
              <Route path="/classification" element={<ReviewPage />} />
              <Route path="/reconciliation" element={<ReconciliationPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/accounts" replace />} />
            </Routes>
          </ErrorBoundary>
        </StatementImportProvider>
      </ApplyRulesProvider>
    </Shell>
  );
}
