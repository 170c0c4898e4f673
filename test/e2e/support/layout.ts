import type { Page } from '@playwright/test';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What `layoutProblems` holds a screen to. */
export interface LayoutRules {
  /** The narrowest a column header with a label may be, in px. */
  minColumnWidth: number;
  /** Narrowest widths of particular columns (a selector matched by the header), in px. */
  columnMinimums?: Record<string, number>;
  /**
   * Boxes meant to scroll sideways (a report's wide table): what they hold may run past their
   * edge. Any other scroll box that overflows sideways is a problem (a list wider than its window).
   */
  sidewaysScrollers?: readonly string[];
}

/**
 * Everything wrong with the layout `page` shows now, each as "what: where (detail)", where is a
 * readable selector path; empty when the screen fits. Looks at:
 * 1. the document wider than the window;
 * 2. a visible box running past the window's side, or past an ancestor that clips it (overflow
 *    hidden; an ellipsis is cut on purpose), unless inside a box meant to scroll sideways; a scroll box overflowing sideways
 *    unless meant to; a button whose label is cut without an ellipsis;
 * 3. two visible interactive or text-bearing elements overlapping (by more than 1 px each way;
 *    what shows of each, so rows scrolled out of their box do not count),
 *    ancestors and descendants apart, compared within one layer (elements under the same
 *    absolutely positioned or fixed box: a menu, a virtual row, a docked panel), so overlays
 *    stacked on purpose are not counted;
 * 4. a labelled column header (grid or table) narrower than its minimum.
 */
export function layoutProblems(page: Page, rules: LayoutRules): Promise<string[]> {
  return page.evaluate(
    ({ minColumnWidth, columnMinimums, sidewaysScrollers }) => {
      const problems: string[] = [];
      const viewport = document.documentElement.clientWidth;

      const path = (element: Element): string => {
        const parts: string[] = [];
        for (let at: Element | null = element; at && at !== document.body && parts.length < 5; at = at.parentElement) {
          const classes = [...at.classList].slice(0, 2).map((name) => `.${name}`);
          const role = at.getAttribute('role');
          const label = at.id ? `#${at.id}` : classes.join('') || (role ? `[role=${role}]` : '');
          parts.unshift(`${at.tagName.toLowerCase()}${label}`);
        }
        const text = element.textContent.trim().replace(/\s+/g, ' ').slice(0, 30);
        return `${parts.join(' > ')}${text ? ` "${text}"` : ''}`;
      };

      const overlap = (a: Box, b: Box): [number, number] => [
        Math.min(a.right, b.right) - Math.max(a.left, b.left),
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top),
      ];
      const styles = new Map<Element, CSSStyleDeclaration>();
      const style = (element: Element) => {
        let found = styles.get(element);
        if (!found) {
          found = getComputedStyle(element);
          styles.set(element, found);
        }
        return found;
      };
      const scrolls = (value: string) => value === 'auto' || value === 'scroll';
      const meantSideways = (element: Element) => sidewaysScrollers.some((selector) => element.matches(selector));
      const interactive = (element: Element) =>
        element.matches(
          'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=checkbox], [role=tab], [role=combobox]',
        );
      const textBearing = (element: Element) =>
        [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim());

      /** Visible and big enough to matter: not display none, hidden, transparent, or a 1 px screen-reader box. */
      const visible = (element: Element, box: DOMRect) => {
        if (box.width <= 1 || box.height <= 1) return false;
        const own = style(element);
        return own.visibility !== 'hidden' && own.opacity !== '0';
      };

      // 1. The page itself.
      if (document.documentElement.scrollWidth > viewport) {
        problems.push(`page wider than the window: ${document.documentElement.scrollWidth} px > ${viewport} px`);
      }

      const compared: { element: Element; box: Box; lines: Box[]; layer: Element | null }[] = [];
      for (const element of document.body.querySelectorAll('*')) {
        if (element instanceof SVGElement && !(element instanceof SVGSVGElement)) continue;
        const box = element.getBoundingClientRect();
        if (!visible(element, box)) continue;

        // 2. Clipped or off the window's side. `room` is what the clipping ancestors leave in view.
        // The page scrolls down, not sideways: the window bounds it on the sides only.
        const room = { left: 0, right: viewport, top: -Infinity, bottom: Infinity };
        let layer: Element | null = null;
        let scroller = false;
        let ellipsis = false;
        for (let at = element.parentElement; at && at !== document.documentElement; at = at.parentElement) {
          const ancestor = style(at);
          if (layer === null && (ancestor.position === 'absolute' || ancestor.position === 'fixed')) layer = at;
          if (scrolls(ancestor.overflowX) && meantSideways(at)) {
            scroller = true;
            break;
          }
          if (ancestor.overflowX !== 'visible') {
            const clip = at.getBoundingClientRect();
            room.left = Math.max(room.left, clip.left);
            room.right = Math.min(room.right, clip.right);
            room.top = Math.max(room.top, clip.top);
            room.bottom = Math.min(room.bottom, clip.bottom);
            // Text cut with an ellipsis is cut on purpose (its title shows all of it).
            if (ancestor.textOverflow === 'ellipsis') ellipsis = true;
          }
        }
        // What shows of it: nothing at all is a row scrolled away or a screen-reader-only text.
        const shown = {
          left: Math.max(box.left, room.left),
          right: Math.min(box.right, room.right),
          top: Math.max(box.top, room.top),
          bottom: Math.min(box.bottom, room.bottom),
        };
        if (shown.right - shown.left <= 1 || shown.bottom - shown.top <= 1) continue;
        const own = style(element);
        if (own.position === 'absolute' || own.position === 'fixed') layer = element;
        if (!scroller) {
          if (!ellipsis && (box.left < room.left - 1 || box.right > room.right + 1)) {
            problems.push(
              `cut at the side: ${path(element)} (${Math.round(box.left)}–${Math.round(box.right)} px, room ${Math.round(room.left)}–${Math.round(room.right)} px)`,
            );
          }
          if (scrolls(own.overflowX) && !meantSideways(element) && element.scrollWidth > element.clientWidth + 1) {
            problems.push(
              `scrolls sideways: ${path(element)} (${element.scrollWidth} px in ${element.clientWidth} px)`,
            );
          }
        }
        if (
          element.matches('button') &&
          own.textOverflow !== 'ellipsis' &&
          element.scrollWidth > element.clientWidth + 1
        ) {
          problems.push(`label cut: ${path(element)}`);
        }
        if (interactive(element) || textBearing(element)) {
          // Text wrapped over lines is measured line by line: its bounding box covers its neighbours'.
          const lines = own.display === 'inline' ? [...element.getClientRects()] : [shown];
          compared.push({ element, box: shown, lines, layer });
        }
      }

      // 3. Overlaps within a layer, sorted top down so each box meets only those beside it (lists are long, not wide).
      compared.sort((a, b) => a.box.top - b.box.top);
      compared.forEach((a, i) => {
        for (let j = i + 1; j < compared.length; j += 1) {
          const b = compared[j];
          if (!b || b.box.top >= a.box.bottom - 1) break;
          if (a.layer !== b.layer || a.element.contains(b.element) || b.element.contains(a.element)) continue;
          for (const [width, height] of a.lines.flatMap((one) => b.lines.map((other) => overlap(one, other)))) {
            if (width > 1 && height > 1) {
              problems.push(
                `overlap: ${path(a.element)} and ${path(b.element)} (${Math.round(width)}×${Math.round(height)} px)`,
              );
              break;
            }
          }
        }
      });

      // 4. Column widths.
      for (const header of document.querySelectorAll('[role=columnheader], th')) {
        const box = header.getBoundingClientRect();
        if (!visible(header, box) || !header.textContent.trim()) continue;
        const minimum = Object.entries(columnMinimums).reduce(
          (widest, [selector, width]) => (header.matches(selector) ? Math.max(widest, width) : widest),
          minColumnWidth,
        );
        if (box.width < minimum) {
          problems.push(`column too narrow: ${path(header)} (${Math.round(box.width)} px < ${minimum} px)`);
        }
      }
      return problems;
    },
    {
      minColumnWidth: rules.minColumnWidth,
      columnMinimums: rules.columnMinimums ?? {},
      sidewaysScrollers: rules.sidewaysScrollers ?? [],
    },
  );
}

/** How many of the grid's rows show whole, inside both its scroll box and the window. */
export function fullyVisibleRows(page: Page, gridSelector: string): Promise<number> {
  return page.evaluate((selector) => {
    const grid = document.querySelector(selector);
    const body = grid?.querySelector('.tx-body');
    if (!grid || !body) return 0;
    const room = body.getBoundingClientRect();
    const bottom = Math.min(room.bottom, window.innerHeight);
    return [...body.querySelectorAll('[role=row]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= room.top - 0.5 && box.bottom <= bottom + 0.5 && box.height > 0;
    }).length;
  }, gridSelector);
}

/** How many px the element (a screen's page) leaves empty between its right edge and the window's. */
export function emptyOnTheRight(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      document.documentElement.clientWidth - (document.querySelector(wanted)?.getBoundingClientRect().right ?? 0),
    selector,
  );
}
