import { memberPath } from '../token/json.js';
import type { ClaimPath, PathSegment } from './path.js';

/** Segments written after `start`: `a.b[0]["https://x/roles"]`, a form parseClaimPath reads back. */
export function segmentsText(start: string, segments: readonly PathSegment[]): string {
  return segments.reduce((text, s) => (s.kind === 'name' ? memberPath(text, s.name) : `${text}[${s.index}]`), start);
}

/** A claim path as messages show it, root first: `payload.sub`, `header.kid`, `payload["https://x/roles"][0]`. */
export function claimPathText(path: ClaimPath): string {
  return segmentsText(path.root, path.segments);
}
