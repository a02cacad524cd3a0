/**
 * A live preview of page 1, asked of main a moment after the settings stop changing. The PNG
 * becomes a blob: URL owned by this hook (revoked when replaced or unmounted), never a data URL
 * in the store.
 */
import { useEffect, useState } from 'react';
import type { ExportSettings } from '../../../shared/domain/project';
import { useAppStoreApi } from '../../app/app-context';
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
}

export function useExportPreview(settings: ExportSettings, selectedIds: readonly string[], maxWidth: number): ExportPreview {
  const store = useAppStoreApi();
  const [preview, setPreview] = useState<{ key: string; url: string | null; error: string | null } | null>(null);
  const key = JSON.stringify([settings, selectedIds, maxWidth]);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    const timer = setTimeout(() => {
      store
        .getState()
        .previewExport(selectedIds, maxWidth)
        .then(
          (base64) => {
            if (!live) return;
            made = blobUrl(base64);
            setPreview({ key, url: made, error: null });
          },
          (error: unknown) => live && setPreview({ key, url: null, error: messageOf(error) }),
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

  return { url: preview?.url ?? null, error: preview?.error ?? null, loading: preview?.key !== key };
}
