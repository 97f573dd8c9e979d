package cn.vdp.storage.export;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.ExportManifest;

/** Keeps a record of every export given out (the "prepared exports" an erasure removes). */
@ApplicationScoped
public class ExportRegistry {

    @Inject
    Event<ExportRegistered> registered;

    /** Its own transaction: the export itself is read in a read-only one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void register(ExportManifest manifest, byte[] manifestJson, long records) {
        ExportRecord record = new ExportRecord();
        record.id = UUID.fromString(manifest.exportId());
        record.subject = manifest.subject();
        record.createdAt = manifest.createdAt();
        record.vins = manifest.vins().toArray(String[]::new);
        record.manifestSha256 = Ed25519Keys.sha256Hex(manifestJson);
        record.fileCount = manifest.files().size();
        record.records = records;
        record.persist();
        registered.fire(new ExportRegistered(record.id, record.subject, manifest.vins(), record.createdAt, records));
    }
}
