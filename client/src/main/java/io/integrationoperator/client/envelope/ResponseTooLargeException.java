package io.integrationoperator.client.envelope;

import java.io.IOException;

/** Thrown when a response body is longer than the limit the envelope may hold. */
public final class ResponseTooLargeException extends IOException {
  private final long maxBodyBytes;

  public ResponseTooLargeException(long maxBodyBytes) {
    super("the response body is longer than the limit of " + maxBodyBytes + " bytes");
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Returns the limit in bytes that the body exceeded. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }
}
