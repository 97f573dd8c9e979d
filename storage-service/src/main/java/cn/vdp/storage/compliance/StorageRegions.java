package cn.vdp.storage.compliance;

import java.util.List;

/** Where the service stores data, as the compliance report states it. */
public interface StorageRegions {

    List<String> allowed();

    /** The region this instance runs in; null when not known. */
    String current();

    /** Where these figures come from (configuration, or the node's label). */
    String source();
}
