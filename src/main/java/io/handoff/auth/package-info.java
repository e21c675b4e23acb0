/**
 * Access control of the HTTP API (README, "Access control"): API keys, OIDC scopes, the scope each path
 * needs, and 401/403/429 answers as problem+json.
 *
 * <p>Entry points: {@link io.handoff.auth.AccessControl} (decided once at start, refuses unsafe settings),
 * {@link io.handoff.auth.ScopePolicy} with {@link io.handoff.auth.AccessRules} (which scope a request
 * needs), {@link io.handoff.auth.ApiKeyMechanism} and {@link io.handoff.auth.ApiKeyIdentityProvider} (API
 * keys, stored by {@link io.handoff.auth.ApiKeyStore}), {@link io.handoff.auth.OidcScopeAugmentor},
 * {@link io.handoff.auth.ApiKeyResource} ({@code /api/admin/api-keys}).
 *
 * <p>Uses {@code config} and {@code api} (the problem type) only; no journey, ticket or rule code.
 */
package io.handoff.auth;
