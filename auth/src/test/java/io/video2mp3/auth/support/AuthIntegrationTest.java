package io.video2mp3.auth.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole service on a random port. Each class also needs a {@link TemporaryDatabase}; the context
 * is closed after the class because its database is dropped then.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "auth.jwt.secret=" + TestSecrets.JWT_SECRET)
@DirtiesContext
public @interface AuthIntegrationTest {}
