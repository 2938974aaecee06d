package io.video2mp3.auth.support;

import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What {@link AuthIntegrationTest} adds to each application context it starts: a {@link TemporaryDatabase}
 * of its own as the datasource, dropped when the context is closed (or fails to start), and an
 * {@link HttpTestClient} to the service's random port. Both are beans, for tests to autowire.
 */
final class AuthIntegrationTestContext implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new Customizer();
  }

  private static final class Customizer implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      TemporaryDatabase database = new TemporaryDatabase();
      ConfigurableEnvironment environment = context.getEnvironment();
      environment.getPropertySources()
          .addFirst(new MapPropertySource("temporaryDatabase", database.datasourceProperties()));

      ConfigurableListableBeanFactory beans = context.getBeanFactory();
      beans.registerSingleton("temporaryDatabase", database);
      // Registered before any other bean, so destroyed after all of them: the pool is closed by then.
      ((DefaultSingletonBeanRegistry) beans).registerDisposableBean("temporaryDatabaseDrop", database::drop);
      // The port is known once the server has started, after this runs.
      beans.registerSingleton("httpTestClient",
          new HttpTestClient(() -> environment.getRequiredProperty("local.server.port", Integer.class)));
    }

    // Contexts differ by their test class's configuration only; @DirtiesContext closes each after its class.
    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}
