// Draws the two Teams app icons and writes them as PNGs next to this script:
//   color.png   192x192, full colour: a calendar with a chat bubble on the PanelBot indigo tile
//   outline.png  32x32, white strokes on a transparent background (Teams tints it itself)
// The drawing is plain geometry sampled 8x8 per pixel, so the pixels are the same on every run.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./lib/png.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = 8;

const INDIGO = [0x4b, 0x53, 0xbc, 255]; // also the manifest accentColor
const NIGHT = [0x2b, 0x2f, 0x6b, 255];
const AMBER = [0xf7, 0xb3, 0x2b, 255];
const WHITE = [255, 255, 255, 255];

function roundedRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  // Signed distance: negative inside, 0 on the edge.
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx, qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

function triangle([ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y), d2 = side(bx, by, cx, cy, x, y), d3 = side(cx, cy, ax, ay, x, y);
    const inside = (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
    return inside ? -1 : 1;
  };
}

const fill = (sdf) => (x, y) => sdf(x, y) <= 0;
const stroke = (sdf, width) => (x, y) => { const d = sdf(x, y); return d <= 0 && d > -width; };
const below = (shape, yMax) => (x, y) => y < yMax && shape(x, y);
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

/** layers: [{ shape: (x, y) => boolean, color: [r, g, b, a] }] painted in order, scene units = pixels. */
function render(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied sums over samples
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES, y = py + (sy + 0.5) / SAMPLES;
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const { shape, color } of layers) {
            if (!shape(x, y)) continue;
            const alpha = color[3] / 255;
            cr = color[0] * alpha + cr * (1 - alpha);
            cg = color[1] * alpha + cg * (1 - alpha);
            cb = color[2] * alpha + cb * (1 - alpha);
            ca = alpha + ca * (1 - alpha);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return rgba;
}

function colorIcon() {
  const body = fill(roundedRect(36, 52, 156, 152, 14));
  const layers = [
    { shape: fill(roundedRect(0, 0, 192, 192, 40)), color: INDIGO },
    { shape: body, color: WHITE },
    { shape: below(body, 82), color: AMBER },
    { shape: fill(roundedRect(62, 38, 76, 66, 7)), color: NIGHT },
    { shape: fill(roundedRect(116, 38, 130, 66, 7)), color: NIGHT },
    { shape: union(fill(roundedRect(58, 96, 134, 134, 12)), fill(triangle([70, 130], [92, 130], [64, 148]))), color: INDIGO },
    { shape: union(fill(circle(76, 115, 6)), fill(circle(96, 115, 6)), fill(circle(116, 115, 6))), color: WHITE },
  ];
  return render(192, layers);
}

function outlineIcon() {
  const glyph = union(
    stroke(roundedRect(4, 7, 28, 28, 3.5), 2),
    (x, y) => x >= 4 && x <= 28 && y >= 12 && y <= 14,
    fill(roundedRect(9.5, 4, 12.5, 10, 1.5)),
    fill(roundedRect(19.5, 4, 22.5, 10, 1.5)),
    fill(circle(11, 20.5, 1.7)),
    fill(circle(16, 20.5, 1.7)),
    fill(circle(21, 20.5, 1.7)),
  );
  return render(32, [{ shape: glyph, color: WHITE }]);
}

writeFileSync(join(here, "color.png"), encodePng(192, 192, colorIcon()));
writeFileSync(join(here, "outline.png"), encodePng(32, 32, outlineIcon()));
console.log("wrote color.png (192x192) and outline.png (32x32)");
