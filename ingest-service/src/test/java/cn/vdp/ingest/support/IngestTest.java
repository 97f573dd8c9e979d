package cn.vdp.ingest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An ingest-service test over real TLS, against the real storage-service, PostgreSQL and signed tokens. */
@QuarkusTest
@QuarkusTestResource(IngestTestResources.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface IngestTest {
}
