/**
 * A take or reference image at thumbnail size, by URL from the media protocol (main builds the
 * thumbnail on first request). Never a data URL, never the full-size image. A missing or damaged
 * file shows a labelled placeholder instead of a broken-image icon.
 */
import { useState } from 'react';
import type { ImageRef } from '../../shared/domain/project';
import { thumbnailPath, type ThumbnailSize } from '../../shared/domain/thumbnail-ref';
import { useAppStore } from '../state/store-context';

export interface TakeImageProps {
  image: ImageRef;
  size: ThumbnailSize;
  alt: string;
  className?: string;
}

export function TakeImage({ image, size, alt, className }: TakeImageProps) {
  const mediaUrl = useAppStore((s) => s.mediaUrl);
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === image) {
    return (
      <span className={`image-missing ${className ?? ''}`} role="img" aria-label={`${alt} (image file missing)`}>
        Image missing
      </span>
    );
  }
  return (
    <img
      className={className}
      src={mediaUrl(thumbnailPath(image, size))}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailed(image)}
    />
  );
}
