package cn.vdp.portal.vehicle;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.vdp.portal.storage.Storage;
import cn.vdp.portal.vehicle.VehicleApi.LatestValues;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;

/** The signed-in person's vehicles, as storage-service lets them see them. */
@ApplicationScoped
public class VehicleClient {

    @Inject
    @RestClient
    VehicleRestClient storage;

    public List<OwnedVehicle> mine() {
        return Storage.call(storage::mine);
    }

    public OwnedVehicle one(String vin) {
        String checked = Storage.vin(vin);
        return Storage.call(() -> storage.one(checked));
    }

    public LatestValues latest(String vin) {
        String checked = Storage.vin(vin);
        return Storage.call(() -> storage.latest(checked));
    }
}
