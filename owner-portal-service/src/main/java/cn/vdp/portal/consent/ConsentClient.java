package cn.vdp.portal.consent;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.vdp.portal.consent.ConsentApi.ConsentChange;
import cn.vdp.portal.consent.ConsentApi.ConsentView;
import cn.vdp.portal.storage.Storage;

/** The current owner's consent per sensitive category; storage-service checks ownership and the expiry rules. */
@ApplicationScoped
public class ConsentClient {

    @Inject
    @RestClient
    ConsentRestClient storage;

    public List<ConsentView> list(String vin) {
        String checked = Storage.vin(vin);
        return Storage.call(() -> storage.list(checked));
    }

    public ConsentView change(String vin, String category, ConsentChange change) {
        String checkedVin = Storage.vin(vin);
        String checkedCategory = Storage.category(category);
        return Storage.call(() -> storage.change(checkedVin, checkedCategory, change));
    }
}
