import { previewPage } from '../../../shared/domain/preview-page';

/**
 * "‹ Page 2 of 8 ›" above a preview with pages: steps the page main draws. `page` is 0-based and
 * already within the pages; nothing is shown for a single page.
 */
export function PageStepper({ page, pages, onPage }: { page: number; pages: number | null; onPage: (page: number) => void }) {
  if (pages === null || pages < 2) return null;
  return (
    <span className="page-stepper" role="group" aria-label="Preview page">
      <button type="button" className="button-small" aria-label="Previous page" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        ‹
      </button>
      <span className="small" aria-live="polite" data-testid="preview-page">
        Page {page + 1} of {pages}
      </span>
      <button type="button" className="button-small" aria-label="Next page" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        ›
      </button>
    </span>
  );
}

/** The page to show and ask for: the one chosen, within the pages known so far. */
export function pageWithin(page: number, pages: number | null): number {
  return pages === null ? page : previewPage(page, pages);
}
