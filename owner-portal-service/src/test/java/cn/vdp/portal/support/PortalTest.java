package cn.vdp.portal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A portal test against the real storage-service, real PostgreSQL and real signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = Platform.class, restrictToAnnotatedClass = true)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PortalTest {
}
