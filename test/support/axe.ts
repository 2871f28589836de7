import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The impacts that fail a page: what stops someone using it, not advice (decision 0029). */
const BLOCKING = new Set(['serious', 'critical']);

/** WCAG 2.1 A and AA plus axe's best practices: the rules the console and hosted page must meet. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One line per failing element: rule, impact, where, and what axe says is wrong. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} [${node.impact ?? v.impact}] ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ').trim() ?? v.help}`,
    ),
  );
}

/**
 * The serious and critical violations axe finds on the page as it is now. The page must come from
 * `browser.newContext()` (axe finishes its run in a second page of that context).
 */
export async function blockingViolations(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}

/**
 * Fails with every serious or critical violation on the page (all at once, so one run shows
 * everything to fix); `where` names the page in the message.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const lines = describeViolations(await blockingViolations(page));
  if (lines.length > 0)
    throw new Error(
      `${where}: ${lines.length} serious or critical accessibility violation(s)\n  ${lines.join('\n  ')}`,
    );
}
