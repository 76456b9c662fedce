package io.integrationoperator.client.auth;

import java.io.IOException;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * Reads a request body into memory so that a signer can hash it and OkHttp can still send it (and
 * resend it on a retry).
 */
final class SignableBody {

  private SignableBody() {}

  /**
   * Returns the bytes of {@code body}, or an empty array when it is null.
   *
   * @throws RequestAuthenticationException when the body is duplex, larger than {@code maxBytes},
   *     or cannot be read
   */
  static byte[] read(RequestBody body, long maxBytes) {
    if (body == null) {
      return new byte[0];
    }
    if (body.isDuplex()) {
      throw new RequestAuthenticationException(
          "a duplex request body cannot be signed with AWS Signature Version 4");
    }
    try {
      long length = body.contentLength();
      if (length > maxBytes) {
        throw tooLarge("has " + length + " bytes, more than", maxBytes);
      }
      Buffer buffer = new Buffer();
      try (BufferedSink sink = Okio.buffer(new LimitedSink(buffer, maxBytes))) {
        body.writeTo(sink);
      }
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new RequestAuthenticationException(
          "the request body could not be read for AWS Signature Version 4 signing: "
              + e.getMessage(),
          e);
    }
  }

  private static RequestAuthenticationException tooLarge(String comparison, long maxBytes) {
    return new RequestAuthenticationException(
        "the request body "
            + comparison
            + " the "
            + maxBytes
            + " bytes that AWS Signature Version 4 signing reads into memory; send a smaller"
            + " body");
  }

  /** A sink that fails once more than {@code maxBytes} have been written to it. */
  private static final class LimitedSink extends ForwardingSink {
    private final Buffer target;
    private final long maxBytes;

    LimitedSink(Buffer target, long maxBytes) {
      super(target);
      this.target = target;
      this.maxBytes = maxBytes;
    }

    @Override
    public void write(Buffer source, long byteCount) throws IOException {
      if (target.size() + byteCount > maxBytes) {
        throw tooLarge("is larger than", maxBytes);
      }
      super.write(source, byteCount);
    }
  }
}
