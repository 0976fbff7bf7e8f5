// How often the proxy and its shadow worker talk: batching keeps thread wake-ups far below one per request.

/**
 * Jobs (and results) wait this long to leave together: each message wakes the other thread (a syscall on each side
 * and a turn of its loop), which at one message per request cost the client path more than the copies it moved away.
 */
export const BATCH_MS = 5;
/** A batch this large leaves at once. */
export const BATCH_JOBS = 32;
/** Evidence snapshots of changed routes reach the admin API, the gate and the metrics at most this late. */
export const SNAPSHOT_MS = 100;
