package io.integrationoperator.client.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.envelope.ReasonPhrases;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.client.token.TokenRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Turns token endpoint answers into tokens or {@link TokenRequestException}s, tolerating what real
 * providers send: a JSON body labelled text/plain (or not labelled), {@code token_type} in any case
 * or missing, {@code expires_in} as a string, errors with status 200, and error bodies that are
 * HTML or plain text. Nimbus parses the token and error objects themselves.
 */
final class TokenResponses {

  /** Body members that carry tokens; their values are masked in every envelope. */
  static final List<String> TOKEN_MEMBERS = List.of("access_token", "refresh_token", "id_token");

  /** Longest error_description quoted in a message. */
  private static final int MAX_DESCRIPTION_CHARS = 200;

  private static final String BEARER = "Bearer";

  private TokenResponses() {}

  /**
   * Returns the token of a successful answer.
   *
   * @param endpoint the token endpoint URL, without credentials, for messages
   * @param obtainedAt when the request was sent, the start of the token's lifetime
   * @param keptRefreshToken the refresh token to keep when the answer has none, as RFC 6749 section
   *     6 allows for refresh responses
   * @param redaction masks credential values in the envelope and message
   * @throws TokenRequestException when the endpoint answered with an error or an unusable token
   */
  static Token parse(
      TokenEndpointExchange.Answer answer,
      String endpoint,
      Instant obtainedAt,
      Optional<String> keptRefreshToken,
      CredentialRedaction redaction)
      throws TokenRequestException {
    Optional<JSONObject> json = jsonObject(answer.body());
    boolean success = answer.status() / 100 == 2;
    if (!success || json.isEmpty() || json.get().containsKey("error")) {
      throw failure(answer, endpoint, json, redaction);
    }
    JSONObject members = json.get();
    Optional<String> unsupportedType = normalizeTokenType(members);
    if (unsupportedType.isPresent()) {
      throw new TokenRequestException(
          "the token endpoint "
              + endpoint
              + " returned a token of type '"
              + unsupportedType.get()
              + "', but only Bearer tokens are supported",
          envelope(answer, redaction));
    }
    normalizeExpiresIn(members);
    AccessTokenResponse response;
    try {
      response = AccessTokenResponse.parse(members);
    } catch (ParseException e) {
      throw new TokenRequestException(
          redaction.redact(
              "the token endpoint "
                  + endpoint
                  + " returned an invalid token response: "
                  + e.getMessage()),
          envelope(answer, redaction));
    }
    AccessToken access = response.getTokens().getAccessToken();
    Optional<Instant> expiresAt =
        access.getLifetime() > 0
            ? Optional.of(obtainedAt.plusSeconds(access.getLifetime()))
            : Optional.empty();
    Optional<String> refresh =
        Optional.ofNullable(response.getTokens().getRefreshToken())
            .map(token -> token.getValue())
            .or(() -> keptRefreshToken);
    return new Token(access.getValue(), Optional.of(BEARER), obtainedAt, expiresAt, refresh);
  }

  /** Builds the exception of an error answer: one sentence with status, error and description. */
  static TokenRequestException failure(
      TokenEndpointExchange.Answer answer,
      String endpoint,
      Optional<JSONObject> json,
      CredentialRedaction redaction) {
    StringBuilder message =
        new StringBuilder("the token endpoint ")
            .append(endpoint)
            .append(" returned ")
            .append(answer.status());
    Optional<ErrorObject> error =
        json.filter(o -> o.containsKey("error")).flatMap(TokenResponses::errorObject);
    if (error.isPresent() && error.get().getCode() != null) {
      message.append(' ').append(error.get().getCode());
      String description = error.get().getDescription();
      if (description != null && !description.isBlank()) {
        message.append(": ").append(shorten(description));
      }
    } else if (answer.status() / 100 == 2) {
      message.append(" without a JSON token response");
      if (answer.contentType() != null) {
        message.append(" (Content-Type ").append(answer.contentType()).append(')');
      }
    } else {
      message.append(' ').append(ReasonPhrases.of(answer.status()));
    }
    return new TokenRequestException(
        redaction.redact(message.toString()), envelope(answer, redaction));
  }

  /** Returns the envelope with token members masked and every credential value redacted. */
  static ResponseEnvelope envelope(
      TokenEndpointExchange.Answer answer, CredentialRedaction redaction) {
    ResponseEnvelope source = answer.envelope();
    ResponseEnvelope copy = new ResponseEnvelope();
    copy.setOk(source.getOk());
    copy.setMethod(source.getMethod());
    copy.setUrl(redaction.redact(source.getUrl()));
    copy.setStatus(source.getStatus());
    copy.setStatusText(redaction.redact(source.getStatusText()));
    copy.setHeaders(redaction.redact(source.getHeaders()));
    copy.setBody(redaction.redact(maskTokens(source.getBody())));
    return copy;
  }

  /** Returns a copy of a JSON object body with the values of {@link #TOKEN_MEMBERS} masked. */
  static JsonNode maskTokens(JsonNode body) {
    if (body == null || !body.isObject()) {
      return body;
    }
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    for (String member : TOKEN_MEMBERS) {
      if (copy.has(member)) {
        copy.put(member, CredentialRedaction.MASK);
      }
    }
    return copy;
  }

  /** Parses {@code body} as a JSON object whatever its Content-Type says. */
  static Optional<JSONObject> jsonObject(String body) {
    if (body == null || body.isBlank() || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSONObjectUtils.parse(body));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<ErrorObject> errorObject(JSONObject json) {
    try {
      return Optional.ofNullable(TokenErrorResponse.parse(json).getErrorObject());
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes token_type as "Bearer" when it is bearer in any case or missing. Returns the type when
   * it is another one.
   */
  private static Optional<String> normalizeTokenType(JSONObject members) {
    Object type = members.get("token_type");
    if (type == null || BEARER.equalsIgnoreCase(type.toString().trim())) {
      members.put("token_type", BEARER);
      return Optional.empty();
    }
    return Optional.of(type.toString());
  }

  /**
   * Converts a numeric string expires_in to a number, and removes one that is not a positive
   * number, so that the token counts as having an unknown lifetime.
   */
  private static void normalizeExpiresIn(JSONObject members) {
    Object expiresIn = members.get("expires_in");
    if (expiresIn == null || expiresIn instanceof Number number && number.longValue() > 0) {
      return;
    }
    try {
      long seconds = Long.parseLong(expiresIn.toString().trim());
      if (seconds > 0) {
        members.put("expires_in", seconds);
        return;
      }
    } catch (NumberFormatException e) {
      // Not a number: the lifetime stays unknown.
    }
    members.remove("expires_in");
  }

  private static String shorten(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() <= MAX_DESCRIPTION_CHARS
        ? line
        : line.substring(0, MAX_DESCRIPTION_CHARS) + "...";
  }
}
