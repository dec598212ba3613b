// Types for electronegativity.mjs (plain JavaScript, run by node directly and by the test).
export interface Finding {
  file: string;
  check: string;
  line: number;
  severity: string;
  confidence: string;
  sample: string;
}
export interface ReviewedFinding {
  file: string;
  check: string;
  reason: string;
  count?: number;
}
export const SCANNED: string[];
export const REVIEWED_FILE: string;
export function scan(root?: string): Promise<Finding[]>;
export function compare(
  findings: Array<Pick<Finding, 'file' | 'check' | 'line'>>,
  reviewed: ReviewedFinding[],
): { unreviewed: Array<Pick<Finding, 'file' | 'check' | 'line'>>; stale: ReviewedFinding[] };
export function loadReviewed(file?: string): ReviewedFinding[];
