package cn.vdp.portal.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.vdp.common.signal.Category;
import cn.vdp.portal.consent.ConsentApi.ConsentView;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.portal.web.PortalTime;

/**
 * The privacy settings page: each vehicle the person owns now, with a row per sensitive category.
 *
 * @param saved the category whose change was just saved, or null
 * @param refusal why the last change was not made, or null
 */
public record SettingsView(List<VehicleSettings> vehicles, String saved, Refusal refusal, String tomorrow) {

    /** One vehicle and its categories. */
    public record VehicleSettings(OwnedVehicle vehicle, List<Row> rows) {
    }

    /**
     * One category's state.
     *
     * @param until the last minute collection is allowed, as shown (China Standard Time), or null when off
     * @param expiredAt when a past consent ended, or null
     * @param suggestedDay the date the form offers as the last day
     */
    public record Row(Category category, boolean live, String until, String expiredAt, String suggestedDay) {

        static Row of(ConsentView consent, Instant now) {
            Category category = Category.fromCode(consent.category()).orElseThrow();
            Instant expires = consent.expiresAt();
            // A consent "until 31 May" ends at 00:00 on 1 June: shown as 31 May 23:59.
            String until = consent.live() ? PortalTime.minutes(expires.minus(1, ChronoUnit.MINUTES)) : null;
            String expiredAt = consent.granted() && !consent.live() && expires != null ? PortalTime.minutes(expires)
                    : null;
            LocalDate suggested = consent.live() ? LocalDate.ofInstant(expires.minusSeconds(1), PortalTime.ZONE)
                    : LocalDate.ofInstant(now, PortalTime.ZONE).plusDays(SettingsPage.SUGGESTED_DAYS);
            return new Row(category, consent.live(), until, expiredAt, suggested.toString());
        }
    }

    /** A change that was not made, and why. */
    public record Refusal(String vin, String category, boolean dateMissing, String detail) {
    }
}
