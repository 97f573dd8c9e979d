package cn.vdp.portal.erasure;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.portal.erasure.ErasureApi.ErasureRequest;
import cn.vdp.portal.erasure.ErasureApi.NewErasureRequest;
import cn.vdp.portal.storage.Storage;

/** The signed-in owner's erasure requests; storage-service executes them and records completion. */
@ApplicationScoped
public class ErasureClient {

    /** Request ids are storage-service's; anything else never becomes part of its URLs. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    @RestClient
    ErasureRestClient storage;

    public ErasureRequest create(List<String> vins) {
        List<String> checked = vins == null ? List.of() : vins.stream().map(Storage::vin).toList();
        return Storage.call(() -> storage.create(new NewErasureRequest(checked.isEmpty() ? null : checked)));
    }

    public List<ErasureRequest> mine() {
        return Storage.call(storage::mine);
    }

    public ErasureRequest one(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.notFound("No such erasure request among yours");
        }
        return Storage.call(() -> storage.one(id));
    }
}
