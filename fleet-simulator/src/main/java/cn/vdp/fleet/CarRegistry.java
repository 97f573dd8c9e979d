package cn.vdp.fleet;

import java.io.IOException;

/**
 * Where simulated cars are registered before they send (storage-service refuses records of unregistered
 * vehicles). Implemented against the operator API; make run will use it with an operator's token.
 */
public interface CarRegistry {

    /** Registers a car for the mainland China market, bound to an owner (or none); an existing one is kept. */
    void register(String vin, String ownerSubject) throws IOException, InterruptedException;
}
