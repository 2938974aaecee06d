package io.video2mp3.auth.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole service on a random port, on a {@link TemporaryDatabase} of its own. Tests autowire the
 * {@link HttpTestClient} to it and, to look at the rows, the {@link TemporaryDatabase} (see
 * {@link AuthIntegrationTestContext}). The context is closed after the class, and its database dropped.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"auth.jwt.secret=" + TestSecrets.JWT_SECRET, "management.server.port=0"})
@DirtiesContext
@ContextCustomizerFactories(AuthIntegrationTestContext.class)
public @interface AuthIntegrationTest {}
