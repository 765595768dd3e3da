/**
 * The watermark as Word draws its own: a VML WordArt shape in the header,
 * diagonal, light grey, behind the text, on every page of the section. Built
 * here rather than with the docx package's TextWatermark because that one
 * names the shape with a random id (the same model must give the same bytes)
 * and sets no CJK font. The "PowerPlusWaterMarkObject"
 * id prefix is how Word (Design › Watermark) and LibreOffice recognise it.
 */
import { ImportedXmlComponent, Run } from 'docx';
import type { Watermark } from '../../document/model.js';
import { WORD_FONTS } from './fonts.js';

/** Word's WordArt "plain text" shape type, as Word writes it for watermarks. */
const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
  '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>' +
  '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>' +
  '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>' +
  '<v:f eqn="sum @6 0 @5"/></v:formulas>' +
  '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>' +
  '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';

/** Word's watermark z-order: behind the text. */
const Z_INDEX = -251657216;
const ROTATION = 315;
const FONT = WORD_FONTS.song.eastAsia;

/**
 * The model's opacity is meant for black ink (PDF); Word's watermark colour is
 * silver (75 % luminance), so silver at opacity/0.25 gives the same lightness.
 */
function vmlOpacity(opacity: number | undefined): number {
  return Math.min(1, Math.max(0.05, (opacity ?? 0.12) / 0.25));
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Display width in em: CJK full width, ASCII about half. */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.55 : 1;
  return Math.max(w, 1);
}

interface Box {
  readonly cx: number;
  readonly cy: number;
  readonly w: number;
  readonly h: number;
}

function shape(id: string, text: string, box: Box, opacity: number): string {
  // Centred on the page; VML rotates about the box centre.
  const style = [
    'position:absolute',
    `margin-left:${(box.cx - box.w / 2).toFixed(2)}pt`,
    `margin-top:${(box.cy - box.h / 2).toFixed(2)}pt`,
    `width:${box.w.toFixed(2)}pt`,
    `height:${box.h.toFixed(2)}pt`,
    `rotation:${ROTATION}`,
    `z-index:${Z_INDEX}`,
    'mso-position-horizontal-relative:page',
    'mso-position-vertical-relative:page',
  ].join(';');
  return (
    `<v:shape id="${id}" o:spid="_x0000_s${id.replace(/\D/g, '')}" type="#_x0000_t136" style="${style}" ` +
    `o:allowincell="f" fillcolor="silver" stroked="f">` +
    `<v:fill opacity="${opacity.toFixed(2)}"/>` +
    `<v:textpath style="font-family:&quot;${FONT}&quot;;font-size:1pt" string="${escapeAttr(text)}"/></v:shape>`
  );
}

/**
 * The VML of one header's watermark; `seq` keeps shape ids unique and stable.
 * The subtext (serial number) follows the text on the same diagonal line:
 * LibreOffice shows only one WordArt watermark per header, and a VML
 * attribute cannot carry a line break through the docx package's serializer.
 */
export function watermarkXml(wm: Watermark, pageWidthPt: number, pageHeightPt: number, seq: number): string {
  const text = wm.subtext ? `${wm.text}\u3000${wm.subtext}` : wm.text;
  const w = Math.min(pageWidthPt, pageHeightPt) * 0.85;
  const h = Math.min(w / emWidth(text), 72);
  const box = { cx: pageWidthPt / 2, cy: pageHeightPt / 2, w, h };
  // The header part declares the w:, v: and o: namespaces.
  return `<w:pict>${SHAPE_TYPE}${shape(`PowerPlusWaterMarkObject${seq}`, text, box, vmlOpacity(wm.opacity))}</w:pict>`;
}

/** A run holding the watermark shape, for a header paragraph. */
export class WatermarkRun extends Run {
  constructor(xml: string) {
    super({});
    this.root.push(ImportedXmlComponent.fromXmlString(xml));
  }
}
