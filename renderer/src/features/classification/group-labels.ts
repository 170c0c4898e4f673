import { type ReportGroup, reportGroups } from '../../../../electron/shared/categories.ts';

/** Where each group is offered: money in, the two kinds of spending, taxes, then money that only moves. */
const place: Record<ReportGroup, number> = {
  income: 0,
  deductible_expense: 1,
  nondeductible_expense: 2,
  tax: 3,
  transfer: 4,
  investment: 5,
};

/** The report groups in the order a freelancer thinks of them when filing a category. */
export const groupChoices: readonly ReportGroup[] = [...reportGroups].sort((a, b) => place[a] - place[b]);
