import { type Bitmap, blankBitmap, encodePng, fillRect, strokeRect } from './png.js';

// A check is 6 × 2.75 inches; at 100 dpi that is 600 × 275 pixels, well under the platform's
// 1 MiB per image once compressed.
const WIDTH = 600;
const HEIGHT = 275;

/**
 * Draws a MICR line as blocks, one per character: digits are bars whose pattern follows the
 * digit, the symbols (T U A D) have shapes of their own. Not E-13B glyphs: a reader of the image
 * sees where the line is and how long, which is what a simulated scan needs.
 */
function drawMicr(bitmap: Bitmap, text: string, x: number, y: number): void {
  let at = x;
  for (const c of text) {
    if (c === ' ') {
      at += 10;
      continue;
    }
    if (/\d/.test(c)) {
      const d = Number(c);
      fillRect(bitmap, at, y + (d % 3) * 2, 3 + (d % 4), 16 - (d % 3) * 2);
      fillRect(bitmap, at + 5, y + 4, 2 + (d % 2) * 2, 12);
    } else if (c === 'T') {
      fillRect(bitmap, at, y, 3, 16);
      fillRect(bitmap, at + 4, y + 4, 3, 8);
    } else if (c === 'U') {
      fillRect(bitmap, at, y + 2, 3, 12);
      fillRect(bitmap, at + 4, y + 2, 3, 12);
    } else {
      fillRect(bitmap, at, y + 6, 8, 4);
    }
    at += 11;
  }
}

export interface CheckFace {
  contentType: 'image/png';
  data: Uint8Array;
}

/** The front of a check: border, date and amount boxes, payee and signature lines, the MICR line. */
export function checkFront(micr: string, shade = 250): CheckFace {
  const bitmap = blankBitmap(WIDTH, HEIGHT, shade);
  strokeRect(bitmap, 4, 4, WIDTH - 8, HEIGHT - 8, 3);
  fillRect(bitmap, 24, 24, 180, 6, 90); // the account holder's name and address
  fillRect(bitmap, 24, 36, 140, 4, 120);
  strokeRect(bitmap, 420, 30, 150, 26, 2); // date
  fillRect(bitmap, 24, 100, 380, 2); // pay to the order of
  strokeRect(bitmap, 430, 84, 140, 30, 2); // amount in figures
  fillRect(bitmap, 24, 140, 546, 2); // amount in words
  fillRect(bitmap, 330, 200, 240, 2); // signature
  drawMicr(bitmap, micr, 40, 236);
  return { contentType: 'image/png', data: encodePng(bitmap) };
}

/** The back: the endorsement area and the "do not write below this line" band. */
export function checkBack(shade = 250): CheckFace {
  const bitmap = blankBitmap(WIDTH, HEIGHT, shade);
  strokeRect(bitmap, 4, 4, WIDTH - 8, HEIGHT - 8, 3);
  for (const y of [40, 70, 100]) fillRect(bitmap, 380, y, 190, 2);
  fillRect(bitmap, 380, 120, 190, 3, 60);
  fillRect(bitmap, 380, 130, 120, 6, 140); // "for mobile deposit only"
  return { contentType: 'image/png', data: encodePng(bitmap) };
}
