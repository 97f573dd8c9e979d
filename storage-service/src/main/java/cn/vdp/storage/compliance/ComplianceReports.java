package cn.vdp.storage.compliance;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.compliance.ComplianceApi.Report;
import cn.vdp.storage.security.Caller;

/** Generates the report for a regulator; the request is audited before the report is handed out. */
@ApplicationScoped
public class ComplianceReports {

    @Inject
    ComplianceReporter reporter;

    @Inject
    AuditTrail audit;

    public Report generate(int year, Caller regulator) throws SQLException {
        Report report = reporter.generate(year);
        audit.recordInOwnTransaction(AuditEntry.of(AuditAction.COMPLIANCE_REPORT, Actor.of(regulator, Roles.REGULATOR))
                .range(report.periodFrom(), report.periodTo()).detail("year=" + year));
        return report;
    }
}
