import type { FailOn } from '../../audit/threshold.js';
import type { KeyOptionValues } from '../key-options.js';

export const SCAN_FORMATS = ['text', 'json', 'jsonl', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export interface ScanCommandOptions extends KeyOptionValues {
  include?: string[];
  exclude?: string[];
  format?: ScanFormat;
  jsonl?: boolean;
  failOn: FailOn;
  showTokens?: boolean;
}
