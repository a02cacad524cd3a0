/**
 * A live preview of page 1, asked of main a moment after the settings stop changing. The PNG
 * becomes a blob: URL owned by this hook (revoked when replaced or unmounted), never a data URL
 * in the store.
 */
import { useEffect, useState } from 'react';
import type { ExportSettings } from '../../../shared/domain/project';
import { useAppStoreApi } from '../../state/store-context';
import { messageOf } from '../../lib/errors';

const PREVIEW_DELAY_MS = 350;

function blobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
}

export interface ExportPreview {
  url: string | null;
  error: string | null;
  loading: boolean;
  /** What the export would write: page count and the size of one page (or of the one long image). */
  pages: number | null;
  size: { width: number; height: number } | null;
}

type Drawn = { key: string; url: string | null; error: string | null; pages: number | null; size: ExportPreview['size'] };

export function useExportPreview(settings: ExportSettings, selectedIds: readonly string[], maxWidth: number): ExportPreview {
  const store = useAppStoreApi();
  const [preview, setPreview] = useState<Drawn | null>(null);
  const key = JSON.stringify([settings, selectedIds, maxWidth]);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    const timer = setTimeout(() => {
      store
        .getState()
        .previewExport(selectedIds, maxWidth, settings)
        .then(
          ({ pngBase64, pages, width, height }) => {
            if (!live) return;
            made = blobUrl(pngBase64);
            setPreview({ key, url: made, error: null, pages, size: { width, height } });
          },
          (error: unknown) => live && setPreview({ key, url: null, error: messageOf(error), pages: null, size: null }),
        );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      if (made) URL.revokeObjectURL(made);
    };
    // `key` stands for settings, selection and width.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, store]);

  return { url: preview?.url ?? null, error: preview?.error ?? null, loading: preview?.key !== key, pages: preview?.pages ?? null, size: preview?.size ?? null };
}
