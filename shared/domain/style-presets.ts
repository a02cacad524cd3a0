/**
 * The restyle presets offered by the inspector and by `castboard restyle --style <id>`: a name for
 * the artist and the style words sent. Free of zod, so neither loads a schema to list them.
 */
export const STYLE_PRESETS = [
  { id: 'ink-sketch', label: 'Ink sketch', prompt: 'loose black ink storyboard sketch, confident linework, cross-hatched shading, white paper' },
  { id: 'watercolor', label: 'Watercolor', prompt: 'soft watercolor illustration, wet edges, muted palette, paper texture' },
  { id: 'film-noir', label: 'Film noir', prompt: 'black and white film noir still, hard key light, deep shadows, venetian blind light' },
  { id: 'comic', label: 'Comic', prompt: 'bold comic book panel, inked outlines, flat colors, halftone shading' },
  { id: 'claymation', label: 'Claymation', prompt: 'claymation stop-motion still, sculpted plasticine characters, miniature set' },
  { id: 'anime', label: 'Anime', prompt: 'anime key frame, clean cel shading, expressive lighting, detailed background' },
] as const;
