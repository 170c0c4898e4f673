import { createContext, type ReactNode, useContext } from 'react';
import { type ApplyRules, useApplyRules } from './useApplyRules.ts';

const ApplyRulesContext = createContext<ApplyRules | null>(null);

/**
 * Holds the last "apply rules" run above the screens: a user who goes to look at the
 * transactions it changed finds its result, and its Undo, still on the Rules screen on return.
 */
export function ApplyRulesProvider({ children }: { children: ReactNode }) {
  const apply = useApplyRules();
  return (
    <ApplyRulesContext value={apply}>
      {children}
      {apply.confirmDialog}
    </ApplyRulesContext>
  );
}

export function useAppliedRules(): ApplyRules {
  const apply = useContext(ApplyRulesContext);
  if (!apply) throw new Error('useAppliedRules needs an ApplyRulesProvider above it');
  return apply;
}
