/**
 * A preview asked of main a moment after its inputs stop changing (`key` stands for them). A PNG
 * in the answer becomes a blob: URL owned by this hook (revoked when replaced or unmounted), never
 * a data URL in the store. An answer that arrives after the inputs changed again is dropped.
 */
import { useEffect, useState } from 'react';
import { messageOf } from '../../lib/errors';

const PREVIEW_DELAY_MS = 350;

function blobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
}

export interface MainPreview<T> {
  value: T | null;
  url: string | null;
  error: string | null;
  /** True until the answer for the current inputs has arrived. */
  loading: boolean;
}

type Drawn<T> = { key: string; value: T | null; url: string | null; error: string | null };

/** `pngOf` picks the base64 PNG out of an answer (null when it has none). */
export function useMainPreview<T>(key: string, load: () => Promise<T>, pngOf: (value: T) => string | null): MainPreview<T> {
  const [drawn, setDrawn] = useState<Drawn<T> | null>(null);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    const timer = setTimeout(() => {
      load().then(
        (value) => {
          if (!live) return;
          const png = pngOf(value);
          made = png ? blobUrl(png) : null;
          setDrawn({ key, value, url: made, error: null });
        },
        (error: unknown) => live && setDrawn({ key, value: null, url: null, error: messageOf(error) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      if (made) URL.revokeObjectURL(made);
    };
    // `key` stands for everything `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { value: drawn?.value ?? null, url: drawn?.url ?? null, error: drawn?.error ?? null, loading: drawn?.key !== key };
}
