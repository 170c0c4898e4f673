import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules (issue 20): what "accessible" means for this app. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const blocking = new Set(['serious', 'critical']);

/** One screen's axe findings: the serious or critical ones fail the check, the rest are counted. */
export interface AxeFindings {
  blocking: string[];
  /** Moderate and minor violations, by rule id, with the number of elements each hit. */
  lesser: Map<string, number>;
}

/** Runs axe over what `page` shows now and describes each violation readably, under `where`. */
export async function checkAccessibility(page: Page, where: string): Promise<AxeFindings> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const findings: AxeFindings = { blocking: [], lesser: new Map() };
  for (const violation of await withoutScrolledByGrid(page, violations)) {
    if (blocking.has(violation.impact ?? '')) findings.blocking.push(describe(where, violation));
    else findings.lesser.set(violation.id, violation.nodes.length);
  }
  return findings;
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe wants every scroller focusable or holding a tabbable element (scrollable-region-focusable).
 * The grids' scrolling bodies are neither, by design: the grid around them holds focus, points
 * at its rows with aria-activedescendant and scrolls its body as the arrow keys move — the ARIA
 * pattern axe cannot follow yet (dequelabs/axe-core#4914, a known false positive). Only those
 * bodies are let through: any other scroller out of the keyboard's reach still fails.
 */
async function withoutScrolledByGrid(page: Page, violations: Violation[]): Promise<Violation[]> {
  const kept: Violation[] = [];
  for (const violation of violations) {
    if (violation.id !== 'scrollable-region-focusable') {
      kept.push(violation);
      continue;
    }
    const nodes: Violation['nodes'] = [];
    for (const node of violation.nodes) {
      // One selector: an element of the page itself (not of a frame or a shadow root).
      const [selector] = node.target;
      const scrolledByGrid =
        node.target.length === 1 &&
        typeof selector === 'string' &&
        (await page
          .locator(selector)
          .evaluate((scroller) => scroller.closest('[role="grid"][tabindex="0"][aria-activedescendant]') !== null));
      if (!scrolledByGrid) nodes.push(node);
    }
    if (nodes.length > 0) kept.push({ ...violation, nodes });
  }
  return kept;
}

/** "screen: rule (impact) help", then each element's selector and what axe says is wrong with it. */
function describe(where: string, violation: Violation): string {
  const nodes = violation.nodes.map(
    (node) => `  ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replaceAll('\n', '\n    ')}`,
  );
  return [`${where}: ${violation.id} (${violation.impact}) ${violation.help}`, ...nodes].join('\n');
}
