/**
 * Which gateway job ids Castboard puts in an address (GET /jobs/{id}, POST /jobs/{id}/cancel).
 * Invariant: only a plain token is used. An id of "." or ".." survives encodeURIComponent and is
 * then removed by URL normalization (the poll would go to /v1/ instead of the job), and the length
 * cap keeps an id within what project.json keeps of a pending job. An id from the gateway or from
 * project.json that is not plain is never used to build a URL.
 */

/** Letters, digits and the URL-safe marks a job id may plausibly use (ULIDs, UUIDs, "job_...", "prov:123"). */
const PLAIN_JOB_ID = /^[A-Za-z0-9._~:-]{1,200}$/;

export function isPlainJobId(id: string): boolean {
  return PLAIN_JOB_ID.test(id) && !/^\.+$/.test(id);
}
