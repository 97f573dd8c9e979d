package cn.vdp.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import cn.vdp.common.signal.Category;

/**
 * Every text the portal shows, in English; {@code messages/msg_zh.properties} holds the Simplified Chinese.
 * Templates read them as {@code msg:key}. Signal names are looked up by key ({@code signal_battery_soc}), so that
 * the catalogue's dotted names map to bundle keys in one place ({@link Formats#labelKey(String)}).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    // --- Layout
    @Message("Vehicle information for owners")
    String app_name();

    @Message("My vehicles")
    String nav_vehicles();

    @Message("What is collected")
    String nav_notice();

    @Message("Privacy settings")
    String nav_settings();

    @Message("Download my data")
    String nav_export();

    @Message("Verify a download")
    String nav_verify();

    @Message("Delete my data")
    String nav_erasure();

    @Message("Language")
    String lang_switch();

    @Message("English")
    String lang_en();

    @Message("中文")
    String lang_zh();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Your vehicle data is stored only in mainland China. Times are China Standard Time (UTC+8).")
    String footer_residency();

    // --- Start page
    @Message("Your car's data, in your hands")
    String home_title();

    @Message("See what your car sent, choose what may be collected, download a copy or have it deleted.")
    String home_intro();

    @Message("Model, ownership, last contact and the latest values of each of your cars, with their history.")
    String home_vehicles_text();

    @Message("What each kind of data is, when and why it is collected, where and for how long it is kept.")
    String home_notice_text();

    @Message("Turn collection of location, driving behaviour and cabin data on or off, until a date you choose.")
    String home_settings_text();

    @Message("Everything of your ownership periods as JSON Lines, CSV and GPX, signed so that it can be verified.")
    String home_export_text();

    @Message("Check that a downloaded file was not altered.")
    String home_verify_text();

    @Message("Ask for your data to be deleted, and follow the request.")
    String home_erasure_text();

    // --- Vehicles
    @Message("You have no vehicle registered to you.")
    String vehicles_none();

    @Message("VIN")
    String vehicle_vin();

    @Message("You own this vehicle")
    String vehicle_current();

    @Message("Formerly yours: you see the data of your own ownership period only")
    String vehicle_former();

    @Message("Ownership period")
    String vehicle_periods();

    @Message("since {from}")
    String period_since(String from);

    @Message("{from} to {to}")
    String period_between(String from, String to);

    @Message("Last contact")
    String vehicle_last_contact();

    @Message("never")
    String never();

    @Message("Latest values")
    String vehicle_latest();

    @Message("No values recorded yet.")
    String vehicle_no_values();

    @Message("Signal")
    String column_signal();

    @Message("Value")
    String column_value();

    @Message("Recorded")
    String column_recorded();

    @Message("History")
    String link_history();

    @Message("Download this vehicle's data")
    String link_download();

    // --- History
    @Message("History of {vin}")
    String history_title(String vin);

    @Message("From")
    String history_from();

    @Message("To")
    String history_to();

    @Message("Signals")
    String history_signals();

    @Message("Show")
    String history_show();

    @Message("{count} records in this range.")
    String history_records(int count);

    @Message("Only the newest {max} records are drawn; choose a shorter range to see all of them.")
    String history_truncated(int max);

    @Message("No values in this range for")
    String history_empty();

    @Message("Values over time")
    String history_charts();

    @Message("Trip track")
    String history_track();

    @Message("{count} location points from {from} to {to}")
    String history_track_caption(int count, String from, String to);

    @Message("No location points in this range: location is collected only while you allow it.")
    String history_no_track();

    @Message("Records, newest first (at most {rows} rows)")
    String history_table(int rows);

    @Message("Time")
    String column_time();

    // --- What is collected
    @Message("This is what the platform collects from your car, and what happens to it. Data in a category marked "
            + "\"off unless you allow it\" is collected only while you allow it, until a date you choose.")
    String notice_intro();

    @Message("Off unless you allow it")
    String notice_consent();

    @Message("Collected while the car is in use")
    String notice_always();

    @Message("What is collected")
    String notice_what();

    @Message("When")
    String notice_when();

    @Message("Why")
    String notice_why();

    @Message("Where it is stored")
    String notice_where();

    @Message("Only on servers in mainland China. It is not transferred abroad.")
    String notice_where_text();

    @Message("How long it is kept")
    String notice_how_long();

    @Message("{days} days after it was recorded; then it is deleted automatically.")
    String notice_how_long_text(long days);

    @Message("How to stop it")
    String notice_stop();

    @Message("This data is needed to operate and service the car; it stops when you transfer or deregister the car. "
            + "You can still have what was collected deleted.")
    String notice_stop_always();

    @Message("Turn it off on the Privacy settings page at any time; collection stops within a minute. It also stops "
            + "by itself on the date you chose.")
    String notice_stop_consent();

    @Message("How to delete it")
    String notice_delete();

    @Message("Ask for deletion on the Delete my data page. It is done within 10 working days, usually within minutes.")
    String notice_delete_text();

    @Message("Whom to contact")
    String notice_contact();

    @Message("The personal information protection officer: {contact}")
    String notice_contact_text(String contact);

    @Message
    String category(Category category);

    @Message
    String category_when(Category category);

    @Message
    String category_why(Category category);

    // --- Privacy settings
    @Message("Location, driving behaviour and cabin data are collected only while you allow it, and only until the "
            + "date you choose; there is no \"forever\". A change takes effect within a minute.")
    String settings_intro();

    @Message("You own no vehicle right now.")
    String settings_none();

    @Message("On until {until}")
    String settings_on(String until);

    @Message("Off")
    String settings_off();

    @Message("Off (your permission ended on {at})")
    String settings_expired(String at);

    @Message("Allow until (last day)")
    String settings_until();

    @Message("Turn on")
    String settings_turn_on();

    @Message("Turn off")
    String settings_turn_off();

    @Message("Your choice was saved. Collection follows it within a minute.")
    String settings_saved();

    @Message("The change was not accepted:")
    String settings_refused();

    @Message("Choose the last day on which collection is allowed.")
    String settings_date_required();

    // --- Download
    @Message("A copy of everything recorded during your ownership periods, as a ZIP file. It is put together while "
            + "it downloads, so a large download may take a while.")
    String export_intro();

    @Message("Download all my vehicles' data")
    String export_all();

    @Message("What the ZIP file contains")
    String export_files();

    @Message("your vehicles and ownership periods")
    String export_file_vehicles();

    @Message("your privacy settings")
    String export_file_consents();

    @Message("every record, one JSON object per line")
    String export_file_jsonl();

    @Message("every record as a table, one column per signal")
    String export_file_csv();

    @Message("your trips, for map and GPS programs")
    String export_file_gpx();

    @Message("the SHA-256 of each file")
    String export_file_manifest();

    @Message("the platform's Ed25519 signature of manifest.json")
    String export_file_sig();

    @Message("The platform's signing key")
    String export_key();

    @Message("Anyone can check a download with this public key, on the Verify page or offline.")
    String export_key_text();

    @Message("The signing key cannot be shown right now.")
    String export_key_unavailable();

    // --- Verify
    @Message("Choose a downloaded ZIP file. Each file's SHA-256 is compared with the signed manifest, and the "
            + "manifest's signature is checked against the platform's key. The file is checked and then discarded.")
    String verify_intro();

    @Message("Downloaded ZIP file")
    String verify_file();

    @Message("Verify")
    String verify_submit();

    @Message("Choose a file first.")
    String verify_no_file();

    @Message("Valid: every file is exactly as it was exported, and the manifest is signed by the platform.")
    String verdict_valid();

    @Message("Altered: at least one file differs from what was exported.")
    String verdict_altered();

    @Message("Not signed: the signature is missing or does not match the manifest.")
    String verdict_unsigned();

    @Message("Unknown key: the manifest was signed with a key this platform does not know.")
    String verdict_unknown_key();

    @Message("Download")
    String verify_export_id();

    @Message("Created")
    String verify_created();

    @Message("Signing key")
    String verify_key();

    @Message("File")
    String column_file();

    @Message("Expected SHA-256")
    String column_expected();

    @Message("Actual SHA-256")
    String column_actual();

    @Message("Unchanged")
    String verify_ok();

    @Message("Changed")
    String verify_changed();

    @Message("Files that the manifest does not list")
    String verify_extra();

    @Message("Files that the manifest lists but are missing")
    String verify_missing();

    // --- Erasure
    @Message("Everything recorded during your ownership periods is deleted: telemetry, your privacy settings and "
            + "prepared downloads. Data of the car's other owners is kept. This cannot be undone.")
    String erasure_intro();

    @Message("The law allows 10 working days; it is usually done within minutes.")
    String erasure_deadline();

    @Message("Which vehicles")
    String erasure_which();

    @Message("All my vehicles")
    String erasure_all();

    @Message("I understand that the deleted data cannot be restored.")
    String erasure_confirm();

    @Message("Tick the box to confirm.")
    String erasure_confirm_required();

    @Message("Ask for deletion")
    String erasure_submit();

    @Message("Your requests")
    String erasure_history();

    @Message("You have made no request yet.")
    String erasure_none();

    @Message("Erasure receipt")
    String receipt_title();

    @Message("Keep this receipt: it proves when you asked and by when the deletion is due.")
    String receipt_keep();

    @Message("Receipt number")
    String receipt_id();

    @Message("Requested")
    String receipt_requested();

    @Message("Due by")
    String receipt_due();

    @Message("Vehicles")
    String receipt_vehicles();

    @Message("Status")
    String receipt_status();

    @Message("Completed")
    String receipt_completed();

    @Message("Records deleted")
    String receipt_rows();

    @Message("Last attempt")
    String receipt_failure();

    @Message("This page refreshes itself until the request is done.")
    String receipt_refresh();

    @Message("Waiting")
    String status_pending();

    @Message("In progress")
    String status_running();

    @Message("Done")
    String status_completed();

    @Message("Failed; it will be retried, or contact us")
    String status_failed();

    // --- Errors
    @Message("Something went wrong")
    String error_title();

    @Message("Not allowed")
    String error_403_title();

    @Message("Your account does not have the owner role that these pages need. If you own a car of ours, contact "
            + "customer service to have your account linked to it.")
    String error_403_text();

    @Message("Not found")
    String error_404_title();

    @Message("There is no such page, or no such vehicle among yours.")
    String error_404_text();

    @Message("The request could not be understood")
    String error_400_title();

    @Message("Not accepted")
    String error_422_title();

    @Message("The data service cannot be reached right now. Try again in a moment.")
    String error_503_text();

    @Message("An unexpected error happened. Try again later.")
    String error_500_text();

    @Message("Sign-in is not available right now")
    String signin_unavailable_title();

    @Message("The sign-in service cannot be reached. Try again in a few minutes; the public pages still work.")
    String signin_unavailable_text();

    @Message("Details")
    String error_detail();

    @Message("Reference")
    String error_reference();

    @Message("Back to the start page")
    String error_back();

    // --- Signals (keys from Formats.labelKey)
    @Message("Speed")
    String signal_vehicle_speed();

    @Message("Odometer")
    String signal_vehicle_odometer();

    @Message("Gear")
    String signal_vehicle_gear();

    @Message("Ignition on")
    String signal_vehicle_ignition();

    @Message("Locked")
    String signal_vehicle_locked();

    @Message("Outside temperature")
    String signal_vehicle_outside_temperature();

    @Message("Cabin temperature")
    String signal_vehicle_cabin_temperature();

    @Message("Battery charge")
    String signal_battery_soc();

    @Message("Battery voltage")
    String signal_battery_voltage();

    @Message("Battery current")
    String signal_battery_current();

    @Message("Battery temperature")
    String signal_battery_temperature();

    @Message("Range")
    String signal_battery_range();

    @Message("Charging state")
    String signal_charging_state();

    @Message("Charging power")
    String signal_charging_power();

    @Message("Latitude")
    String signal_location_latitude();

    @Message("Longitude")
    String signal_location_longitude();

    @Message("Heading")
    String signal_location_heading();

    @Message("Altitude")
    String signal_location_altitude();

    @Message("Acceleration")
    String signal_driving_acceleration();

    @Message("Accelerator pedal")
    String signal_driving_accelerator_pedal();

    @Message("Brake pedal")
    String signal_driving_brake_pedal();

    @Message("Steering angle")
    String signal_driving_steering_angle();

    @Message("Driver assistance active")
    String signal_driving_assist_active();

    @Message("Occupants")
    String signal_cabin_occupants();

    @Message("Cabin camera frame")
    String signal_cabin_camera_frame();

    @Message("Fault code")
    String signal_diagnostics_dtc();

    @Message("Tyre pressure front left")
    String signal_diagnostics_tire_pressure_fl();

    @Message("Tyre pressure front right")
    String signal_diagnostics_tire_pressure_fr();

    @Message("Tyre pressure rear left")
    String signal_diagnostics_tire_pressure_rl();

    @Message("Tyre pressure rear right")
    String signal_diagnostics_tire_pressure_rr();

    @Message("12 V battery voltage")
    String signal_diagnostics_aux_battery_voltage();
}
