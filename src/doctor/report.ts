// Renders check results as the doctor prints them: one line per check with ✓, ✗, ! (warning) or – (not
// checked, because a line above already failed), the fix indented under a failure, and a closing verdict.
import type { CheckResult } from './checks.js';

const MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const;

export function renderResults(results: CheckResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${MARK[r.status]} ${r.title}: ${r.detail}`);
    if ((r.status === 'fail' || r.status === 'warn') && r.fix) lines.push(`    fix: ${r.fix}`);
  }
  const failed = results.filter((r) => r.required && r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  const warnings = warned > 0 ? ` (${warned} warning${warned === 1 ? '' : 's'})` : '';
  lines.push('');
  lines.push(
    failed === 0
      ? `All required checks passed${warnings}.`
      : `${failed} required check${failed === 1 ? '' : 's'} failed${warnings}.`,
  );
  return lines;
}

/** 1 when any required check failed. */
export function exitCodeFor(results: CheckResult[]): 0 | 1 {
  return results.some((r) => r.required && r.status === 'fail') ? 1 : 0;
}
