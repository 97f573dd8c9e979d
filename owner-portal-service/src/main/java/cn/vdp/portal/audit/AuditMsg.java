package cn.vdp.portal.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The regulator pages' texts in English; {@code messages/amsg_zh.properties} holds the Simplified Chinese. Templates
 * read them as {@code amsg:key}. A bundle of its own, next to the pages, so that the owners' bundle stays theirs.
 */
@MessageBundle(value = "amsg", locale = "en")
public interface AuditMsg {

    @Message("Audit trail")
    String nav_audit();

    @Message("Verification")
    String nav_verification();

    @Message("Checkpoints")
    String nav_checkpoints();

    @Message("Compliance report")
    String nav_report();

    @Message("Who touched which data: every read and export of personal data, every change by a person, every "
            + "erasure, refusal and purge, and every query of regulators (yours included). Times are China "
            + "Standard Time.")
    String events_intro();

    @Message("From (day)")
    String filter_from();

    @Message("To (day, included)")
    String filter_to();

    @Message("VIN")
    String filter_vin();

    @Message("Actor (subject)")
    String filter_actor();

    @Message("Action")
    String filter_action();

    @Message("Outcome")
    String filter_outcome();

    @Message("any")
    String filter_any();

    @Message("Filter")
    String filter_apply();

    @Message("Clear filters")
    String filter_reset();

    @Message("Download as CSV (every match)")
    String events_csv();

    @Message("No event matches these filters.")
    String events_none();

    @Message("Next page")
    String events_next();

    @Message("First page")
    String events_first();

    @Message("{count} events on this page, newest first.")
    String events_shown(int count);

    @Message("No.")
    String column_id();

    @Message("Time")
    String column_time();

    @Message("Actor")
    String column_actor();

    @Message("Role")
    String column_role();

    @Message("Action")
    String column_action();

    @Message("Outcome")
    String column_outcome();

    @Message("VIN")
    String column_vin();

    @Message("Categories")
    String column_categories();

    @Message("Data time range")
    String column_range();

    @Message("Count")
    String column_quantity();

    @Message("Detail")
    String column_detail();

    @Message("Walks the whole hash chain in order, recomputes every event's hash and compares the chain with "
            + "the signed checkpoints. The first broken event is named.")
    String verification_intro();

    @Message("Run the verification")
    String verification_run();

    @Message("Intact: no event was changed, removed or reordered.")
    String verification_intact();

    @Message("Broken: the chain does not hold.")
    String verification_broken();

    @Message("Events verified")
    String verification_verified();

    @Message("Last verified event")
    String verification_last();

    @Message("Last event the chain must reach")
    String verification_expected();

    @Message("Verified at")
    String verification_at();

    @Message("Reads' events staged, waiting to join the chain")
    String verification_staged();

    @Message("Of them overdue (the chaining has stopped)")
    String verification_overdue();

    @Message("First broken event")
    String verification_first_broken();

    @Message("Problem")
    String verification_problem();

    @Message("Checkpoints compared")
    String verification_checkpoints();

    @Message("Latest checkpoint")
    String verification_latest_checkpoint();

    @Message("The service signs the chain's head (its last event's hash and the number of events) at regular "
            + "intervals with the platform key, the same key that signs data exports. Keep a copy: the chain "
            + "must always reach the latest checkpoint, so nothing can be cut from its end unnoticed.")
    String checkpoints_intro();

    @Message("Key id")
    String checkpoints_key();

    @Message("Algorithm")
    String checkpoints_algorithm();

    @Message("Public key")
    String checkpoints_public_key();

    @Message("No checkpoint has been signed yet.")
    String checkpoints_none();

    @Message("Signed at")
    String column_created();

    @Message("Last event")
    String column_head();

    @Message("Hash of the last event")
    String column_hash();

    @Message("Events")
    String column_count();

    @Message("Signature")
    String column_signature();

    @Message("valid")
    String signature_valid();

    @Message("INVALID")
    String signature_invalid();

    @Message("unknown key")
    String signature_unknown();

    @Message("Compliance report {year}")
    String report_title(int year);

    @Message("The yearly report to the provincial regulator, generated now from live data.")
    String report_intro();

    @Message("Year")
    String report_year();

    @Message("Show")
    String report_show();

    @Message("Download JSON")
    String report_json();

    @Message("Download CSV")
    String report_csv();

    @Message("Due")
    String report_due();

    @Message("Generated")
    String report_generated();

    @Message("Where the data is stored")
    String section_storage();

    @Message("Allowed regions")
    String storage_allowed();

    @Message("Region of this service")
    String storage_region();

    @Message("In an allowed region")
    String storage_in_region();

    @Message("Vehicles and owners")
    String section_vehicles();

    @Message("Vehicles registered")
    String vehicles_registered();

    @Message("By market")
    String vehicles_by_market();

    @Message("Registered in the year")
    String vehicles_registered_in_year();

    @Message("With data from the year")
    String vehicles_with_data();

    @Message("Owners in the year")
    String owners_in_year();

    @Message("Owners now")
    String owners_current();

    @Message("Transfers in the year")
    String owners_transfers();

    @Message("Data categories, volumes and retention")
    String section_categories();

    @Message("Category")
    String column_category();

    @Message("Consent needed")
    String column_consent_required();

    @Message("Kept (days)")
    String column_retention_days();

    @Message("Records from the year")
    String column_rows_year();

    @Message("Vehicles")
    String column_vehicles_year();

    @Message("Purged in the year")
    String column_purged();

    @Message("Held now")
    String column_held();

    @Message("Bytes")
    String column_bytes();

    @Message("Oldest held")
    String column_oldest();

    @Message("Consent")
    String section_consent();

    @Message("On now")
    String column_live();

    @Message("Given in the year")
    String column_granted();

    @Message("Withdrawn in the year")
    String column_withdrawn();

    @Message("Erasure requests")
    String section_erasure();

    @Message("Requested")
    String erasure_requested();

    @Message("Completed")
    String erasure_completed();

    @Message("Pending")
    String erasure_pending();

    @Message("Failed")
    String erasure_failed();

    @Message("Past the legal deadline")
    String erasure_overdue();

    @Message("Median time to completion (hours)")
    String erasure_median();

    @Message("Longest time to completion (hours)")
    String erasure_max();

    @Message("Records refused (car not for the mainland China market)")
    String section_refused();

    @Message("Reason")
    String column_reason();

    @Message("Records")
    String column_records();

    @Message("Access by role")
    String section_access();

    @Message("Events")
    String column_events();

    @Message("Actors")
    String column_actors();

    @Message("Audit trail")
    String section_chain();

    @Message("None in this year.")
    String none_in_year();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("–")
    String not_applicable();

    @Message("This is not open to a vehicle owner's account: the audit pages are for regulators' read-only accounts.")
    String error_403_owner();
}
