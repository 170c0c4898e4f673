import { z } from 'zod';
import type { PartialUpdate } from '../../shared/models.ts';
import type { Item } from '../pluggy/models.ts';

/** One product in Pluggy's `statusDetail` (spec: StatusDetailProduct), read leniently. */
const ProductState = z.object({
  isUpdated: z.boolean().nullish(),
  warnings: z
    .array(
      z.object({ code: z.string().nullish(), message: z.string().nullish(), providerMessage: z.string().nullish() }),
    )
    .nullish(),
});

/**
 * What an item's last update could not bring, from Pluggy's `statusDetail`: each product
 * it did not update (or warned about), with the bank's words (else Pluggy's). Null when the
 * update brought everything, or when the item is not UPDATED (then its status says more:
 * updating, a login error…). PARTIAL_SUCCESS with no product named still counts as partial.
 */
export function partialUpdate(item: Pick<Item, 'status' | 'executionStatus' | 'statusDetail'>): PartialUpdate | null {
  if (item.status !== 'UPDATED') return null;
  const products: PartialUpdate['products'] = [];
  let notUpdated = false;
  for (const [product, value] of Object.entries(item.statusDetail ?? {})) {
    const state = ProductState.safeParse(value);
    // A product Pluggy left null, or sent in a shape we cannot read, says nothing.
    if (!state.success || value === null) continue;
    const warnings = (state.data.warnings ?? [])
      .map((warning) => warning.providerMessage?.trim() || warning.message?.trim() || '')
      .filter((words) => words !== '');
    if (state.data.isUpdated === false) notUpdated = true;
    if (state.data.isUpdated === false || warnings.length > 0) products.push({ product, warnings });
  }
  return notUpdated || item.executionStatus === 'PARTIAL_SUCCESS' ? { products } : null;
}
