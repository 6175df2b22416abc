/**
 * A button's content when it shows a glyph ("B", "100%", "?", "▲ 3") but is named by a translated label: the glyph is
 * hidden from assistive technology and the label is visually hidden text. An aria-label that does not contain the
 * visible text is what axe calls label-content-name-mismatch (docs/frontend.md, "Accessibility").
 */
export function GlyphLabel({ glyph, label }: { glyph: string; label: string }) {
  return (
    <>
      <span aria-hidden="true">{glyph}</span>
      <span className="sr-only">{label}</span>
    </>
  );
}
