package io.video2mp3.api.storage;

/**
 * Where the services keep media and progress in MongoDB. The gateway writes uploads, the converter
 * reads them and writes MP3s and progress, the operator mirrors progress and deletes files, the
 * notifier records handled events and deliveries.
 */
public final class StorageLayout {

  /** Database used when {@code MONGODB_URI} names none. */
  public static final String DEFAULT_DATABASE = "video2mp3";
  /** GridFS bucket of uploaded videos; file ids are ObjectIds. */
  public static final String VIDEOS_BUCKET = "videos";
  /** GridFS bucket of produced audio; the file id is the conversion's {@code metadata.uid} (a string). */
  public static final String MP3S_BUCKET = "mp3s";
  /** Converter progress, one document per conversion keyed by uid: {@code {_id, percent, updatedAt}}. */
  public static final String PROGRESS_COLLECTION = "progress";
  public static final String PROGRESS_PERCENT = "percent";
  public static final String PROGRESS_UPDATED_AT = "updatedAt";
  /**
   * Set on the progress record by the operator's finalizer when the conversion is deleted: a converter
   * still running stops writing and deletes its partial MP3 when it sees it.
   */
  public static final String PROGRESS_CANCELLED_AT = "cancelledAt";
  /** The conversion's namespace on its progress record, so an operator watching some namespaces knows its own. */
  public static final String PROGRESS_NAMESPACE = "namespace";
  /** How each conversion's mail ended, keyed by uid ({@link Deliveries}). */
  public static final String DELIVERIES_COLLECTION = "deliveries";
  /** Notifier's record of handled event message ids (unique {@code _id}, expiring). */
  public static final String HANDLED_EVENTS_COLLECTION = "handledEvents";

  /** GridFS metadata keys on stored files. */
  public static final String META_OWNER = "owner";
  public static final String META_FILENAME = "filename";
  public static final String META_CONTENT_TYPE = "contentType";
  public static final String META_SIZE = "size";
  public static final String META_SHA256 = "sha256";
  public static final String META_NAMESPACE = "namespace";
  public static final String META_CONVERSION = "conversion";
  public static final String META_DURATION_SECONDS = "durationSeconds";
  public static final String META_BITRATE = "bitrate";

  private StorageLayout() {
  }
}
