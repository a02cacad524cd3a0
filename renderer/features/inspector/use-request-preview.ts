/**
 * The request the focused panel's next Generate or Restyle will send, computed live from the
 * document on screen with the same shared function main uses to build the real request
 * (shared/generation/request-plan), so the preview cannot drift from what is paid for.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Panel } from '../../../shared/domain/project';
import { previewGenerate, previewRestyle, type RequestPreview } from '../../../shared/generation/request-plan';
import { useAppStore } from '../../state/store-context';
import { effectiveStylePrompt } from '../../state/jobs-slice';
import { DEFAULT_PRICE_PER_IMAGE_CENTS } from '../../../shared/domain/image-price';

const NO_TAKES: readonly never[] = [];

export function useRequestPreview(panel: Panel, kind: 'generate' | 'restyle'): RequestPreview | null {
  const { doc, takes, generateOptions, restyleOptions, price } = useAppStore(
    useShallow((s) => ({
      doc: s.doc,
      takes: s.takesByPanel[panel.id] ?? NO_TAKES,
      generateOptions: s.generateOptions,
      restyleOptions: s.restyleOptions,
      price: s.settings?.pricePerImageCents ?? DEFAULT_PRICE_PER_IMAGE_CENTS,
    })),
  );
  return useMemo(() => {
    if (!doc) return null;
    // The renderer keeps takes beside the document; the request needs them to name the source take.
    const withTakes = { ...panel, takes: [...takes] };
    if (kind === 'generate') {
      const seed = generateOptions.seedLocked ? generateOptions.seed : null;
      return previewGenerate(doc, withTakes, { variations: generateOptions.variations, seed }, price);
    }
    const choice = { stylePrompt: effectiveStylePrompt(restyleOptions), imageWeight: restyleOptions.imageWeight, variations: restyleOptions.variations };
    return previewRestyle(doc, withTakes, choice, price);
  }, [doc, panel, takes, kind, generateOptions, restyleOptions, price]);
}
