/** Toolbar icons as inline SVG: headless and kiosk browsers often lack emoji fonts. */
const PATHS: Record<string, string> = {
  select: 'M5 3l14 8-6 1.5L10 19z',
  note: 'M4 4h16v11l-5 5H4z M15 20v-5h5',
  text: 'M5 5h14 M12 5v14 M9 19h6',
  rect: 'M4 6h16v12H4z',
  ellipse: 'M12 5c4.4 0 8 3.1 8 7s-3.6 7-8 7-8-3.1-8-7 3.6-7 8-7z',
  connector: 'M5 19L19 5 M12 5h7v7',
  pen: 'M4 20l4-1L19 8l-3-3L5 16z',
  frame: 'M3 7h18 M7 3v18 M3 3h18v18H3z',
  image: 'M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M16 9a1.5 1.5 0 1 0 0.01 0',
  undo: 'M9 7L4 12l5 5 M4 12h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 7l5 5-5 5 M20 12H9a5 5 0 0 0 0 10h3',
  duplicate: 'M8 8h12v12H8z M4 16V4h12',
  delete: 'M4 7h16 M10 7V4h4v3 M6 7l1 13h10l1-13',
  vote: 'M12 4l2.5 5 5.5.8-4 3.9.9 5.5L12 16.6 7.1 19.2l.9-5.5-4-3.9 5.5-.8z',
  zoomIn: 'M10 4a6 6 0 1 0 0.01 0 M20 20l-5.5-5.5 M7 10h6 M10 7v6',
  fit: 'M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5',
  zoomOut: 'M10 4a6 6 0 1 0 0.01 0 M20 20l-5.5-5.5 M7 10h6',
  lock: 'M6 11h12v9H6z M9 11V8a3 3 0 0 1 6 0v3',
  unlock: 'M6 11h12v9H6z M9 11V8a3 3 0 0 1 5.8-1',
};

export function Icon({ name }: { name: keyof typeof PATHS | string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <path d={PATHS[name] ?? ''} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
