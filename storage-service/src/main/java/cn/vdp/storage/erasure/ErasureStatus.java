package cn.vdp.storage.erasure;

/** PENDING until the job picks it up, RUNNING while it executes, then COMPLETED, or FAILED after its attempts. */
public enum ErasureStatus {
    PENDING, RUNNING, COMPLETED, FAILED
}
