package cn.vdp.devpg;

/**
 * The platform's database and its two roles: the owner runs the Flyway migrations and owns every table; the
 * application role gets only the grants the migrations give it (so it cannot, for example, rewrite audit rows).
 */
public record DatabaseRoles(String database, String owner, String ownerPassword, String app, String appPassword) {

    public static DatabaseRoles withPasswords(String ownerPassword, String appPassword) {
        return new DatabaseRoles("vdp", "vdp_owner", ownerPassword, "vdp_app", appPassword);
    }
}
