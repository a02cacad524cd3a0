/**
 * Whether the consistency check can use a reference image, for the character card and the batch
 * dialog: asks main in the background (once per image, state/reference-slice.ts) and re-renders
 * when the answer comes. Never blocks: until then the answer is 'checking'.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImageRef } from '../../shared/domain/project';
import { isUsableReference, type ReferenceFaceCheck } from '../../shared/domain/reference-face';
import type { ReferenceFaceState } from '../state/reference-slice';
import { useAppStore } from '../state/store-context';

const CHECKING: ReferenceFaceState = { status: 'checking' };

/** This image's state (null without an image); asks for it when not known yet. */
export function useReferenceFace(image: ImageRef | null): ReferenceFaceState | null {
  const state = useAppStore((s) => (image ? s.referenceFaces[image] : undefined));
  const check = useAppStore((s) => s.checkReferenceFace);
  useEffect(() => {
    if (image) void check(image);
  }, [image, check]);
  return image ? (state ?? CHECKING) : null;
}

/** The characters among these whose reference image the check cannot use (as far as is known yet). */
export function useUnusableReferences(characterIds: readonly string[]): Array<{ name: string; check: ReferenceFaceCheck }> {
  const check = useAppStore((s) => s.checkReferenceFace);
  const characters = useAppStore(useShallow((s) => (s.doc?.characters ?? []).filter((character) => characterIds.includes(character.id))));
  const faces = useAppStore((s) => s.referenceFaces);
  useEffect(() => {
    for (const character of characters) if (character.referenceImage) void check(character.referenceImage);
  }, [characters, check]);
  return characters.flatMap((character) => {
    const state = character.referenceImage ? faces[character.referenceImage] : undefined;
    if (state?.status !== 'done' || isUsableReference(state.check)) return [];
    return [{ name: character.name.trim() || 'Unnamed character', check: state.check }];
  });
}
