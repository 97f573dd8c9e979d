package cn.vdp.common.security;

/** The platform's realm roles (DESIGN.md, identities). Tokens carry them in realm_access/roles. */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String REGULATOR = "regulator";
    public static final String OPERATOR = "operator";
    public static final String INGEST = "ingest";

    private Roles() {
    }
}
