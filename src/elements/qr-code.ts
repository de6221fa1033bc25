/**
 * A QR code as an SVG path, drawn with Lit's `svg` (no markup strings, no inline styles: a strict CSP holds). The
 * code itself comes from lean-qr (its small `nano` build); loaded only when a setup step shows one (qr.ts).
 */
import { svg, type TemplateResult } from 'lit';
import { generate } from 'lean-qr/nano';

/** The quiet zone around a QR code, in modules (the standard asks for 4). */
const QUIET = 4;

/** `text` as a QR code: an `<svg>` whose dark modules are one path; `label` is its accessible name. */
export function qrCode(text: string, label: string): TemplateResult {
  const code = generate(text);
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  }
  const side = code.size + 2 * QUIET;
  return svg`<svg part="qr-code" viewBox="0 0 ${side} ${side}" role="img" aria-label=${label} shape-rendering="crispEdges">
    <rect part="qr-background" width=${side} height=${side}></rect>
    <path part="qr-modules" d=${d}></path>
  </svg>`;
}
