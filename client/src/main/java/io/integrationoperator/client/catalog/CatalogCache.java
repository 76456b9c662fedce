package io.integrationoperator.client.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the catalogs of the most recently loaded documents, keyed by the SHA-256 hash of their
 * text, so that a document used by many Integrations is parsed once. A parsed document of several
 * MB takes, by estimate, tens of MB of heap. The cache therefore keeps a fixed number of catalogs
 * and drops the least recently used one first. Failed loads are not cached. Instances are safe for
 * concurrent use.
 */
public final class CatalogCache {
  private final int maxEntries;
  private final Map<String, TaskCatalog> catalogs;

  /**
   * @param maxEntries number of catalogs kept, at least 1
   */
  public CatalogCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.catalogs = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * Returns the catalog of the text, parsing it only when no catalog of the same text is cached.
   *
   * @throws InvalidDocumentException as {@link DocumentLoader#load(String)} does
   */
  public TaskCatalog load(String text) throws InvalidDocumentException {
    String hash = hash(text);
    synchronized (catalogs) {
      TaskCatalog cached = catalogs.get(hash);
      if (cached != null) {
        return cached;
      }
    }
    // Parsing runs outside the lock, so one large document does not block other lookups. Two
    // threads may parse the same text at once, and then the second result replaces the first.
    TaskCatalog catalog = DocumentLoader.load(text);
    synchronized (catalogs) {
      catalogs.put(hash, catalog);
      if (catalogs.size() > maxEntries) {
        String eldest = catalogs.keySet().iterator().next();
        catalogs.remove(eldest);
      }
    }
    return catalog;
  }

  /** Returns the number of cached catalogs. */
  public int size() {
    synchronized (catalogs) {
      return catalogs.size();
    }
  }

  /**
   * Returns the hex SHA-256 hash of the document text, the key under which its catalog is cached;
   * equal hashes mean the same document.
   */
  public static String hash(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
