import type { JetStreamManager, StreamInfo } from '@nats-io/jetstream';
import { DiscardPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { STREAM, STREAM_SUBJECTS } from './subjects';

/** How long the stream keeps a room's events. */
export const RETAIN_HOURS = 24;
/** The most the stream keeps in all (oldest events go first). */
export const RETAIN_BYTES = 512 * 1024 * 1024;
/** A republish of the same message id within this window is dropped by the broker. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** Creates the classroom stream if it is missing (file store, limits by age and size, deduplication window). */
export async function ensureStream(jsm: JetStreamManager): Promise<StreamInfo> {
  try {
    return await jsm.streams.info(STREAM);
  } catch {
    return jsm.streams.add({
      name: STREAM,
      subjects: [STREAM_SUBJECTS],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: nanos(RETAIN_HOURS * 3600 * 1000),
      max_bytes: RETAIN_BYTES,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  }
}
