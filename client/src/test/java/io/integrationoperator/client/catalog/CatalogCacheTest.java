package io.integrationoperator.client.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogCacheTest {
  private static String document(String title) {
    return """
        openapi: 3.0.3
        info: {title: %s, version: "1"}
        paths:
          /health:
            get: {operationId: getHealth, responses: {'200': {description: up}}}
        """
        .formatted(title);
  }

  @Test
  void sameTextReturnsSameCatalog() throws Exception {
    CatalogCache cache = new CatalogCache(2);

    TaskCatalog first = cache.load(document("A"));
    TaskCatalog second = cache.load(document("A"));

    assertThat(second).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void leastRecentlyUsedIsDropped() throws Exception {
    CatalogCache cache = new CatalogCache(2);
    TaskCatalog a = cache.load(document("A"));
    cache.load(document("B"));
    cache.load(document("A"));

    cache.load(document("C"));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.load(document("A"))).isSameAs(a);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void invalidDocumentIsNotCached() {
    CatalogCache cache = new CatalogCache(2);

    assertThatThrownBy(() -> cache.load("not: [an openapi"))
        .isInstanceOf(InvalidDocumentException.class);
    assertThat(cache.size()).isZero();
  }
}
