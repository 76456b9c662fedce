package io.integrationoperator.executor.authorization;

import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import java.util.List;
import java.util.Map;

/**
 * The identity TokenReview returned for a caller's token. It holds no token.
 *
 * @param username user name, for example system:serviceaccount:shop:runner
 * @param uid user UID, possibly null
 * @param groups groups the user belongs to
 * @param extra extra attributes the authenticator returned
 */
public record Caller(
    String username, String uid, List<String> groups, Map<String, List<String>> extra) {

  public Caller {
    groups = groups == null ? List.of() : List.copyOf(groups);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  static Caller of(UserInfo user) {
    return new Caller(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra());
  }
}
