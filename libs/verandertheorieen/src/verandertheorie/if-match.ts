import { VersionConflictError } from '@wijkkompas/core';
import { etag, IfMatchVereistError, leesIfMatch } from '@wijkkompas/verantwoording';

/**
 * The ETag of a theory is its newest version number. Without If-Match: a 428 where it is
 * required (editing what someone else may be editing), otherwise the change simply lands on
 * the newest version (adding an element or link cannot overwrite anyone's work). A stale one
 * is always a 412.
 */
export function controleerIfMatch(
  header: string | undefined,
  huidig: number,
  verplicht: boolean,
): void {
  const versies = leesIfMatch(header);
  if (!versies) {
    if (verplicht) throw new IfMatchVereistError('de verandertheorie');
    return;
  }
  if (!versies.includes(huidig))
    throw new VersionConflictError(
      'De verandertheorie',
      versies.map(etag).join(', '),
      etag(huidig),
    );
}
