package cn.vdp.e2e.support;

/** Who calls: the platform's people and services with real Keycloak tokens, and tokens that must never work. */
public enum Identity {
    /** No token at all. */
    ANONYMOUS,
    /** owner1 (the demo owner of the test's cars). */
    OWNER_A,
    /** owner2, who owns none of owner1's cars. */
    OWNER_B,
    REGULATOR,
    OPERATOR,
    /** vdp-ingest's client-credentials token (role ingest). */
    INGEST,
    /** owner1's token from a client whose tokens live one second, used after it expired. */
    EXPIRED,
    /** owner1 of another realm of the same Keycloak (every role there): another issuer, another key. */
    OTHER_ISSUER,
    /** owner1's token re-encoded with {@code alg: none} and no signature. */
    UNSIGNED,
    /** owner1's token with its payload changed (every role added), the original signature kept. */
    TAMPERED
}
