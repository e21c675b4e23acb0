package io.handoff.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a caller, for {@link ApiKeyIdentityProvider}. Never logged. */
public class ApiKeyRequest extends BaseAuthenticationRequest {
  private final String key;

  public ApiKeyRequest(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  @Override
  public String toString() {
    return "ApiKeyRequest[id=" + ApiKeyTokens.idOf(key) + "]";
  }
}
