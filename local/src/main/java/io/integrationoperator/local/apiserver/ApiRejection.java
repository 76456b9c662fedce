package io.integrationoperator.local.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;

/** Ends a request early with an error response, such as a schema violation. */
final class ApiRejection extends RuntimeException {

  private final transient MockResponse response;

  ApiRejection(MockResponse response) {
    super(null, null, false, false);
    this.response = response;
  }

  MockResponse response() {
    return response;
  }
}
