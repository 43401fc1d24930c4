package io.interactor.spring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation for a test class that starts a {@link io.interactor.spring.test.MockInteractorServer} for the
 * application context and points the auto-configured Interactor client at it: the mock's URLs and client
 * credentials are supplied as the {@link io.interactor.spring.autoconfigure.InteractorConnectionDetails} bean, so
 * no {@code interactor.*} property is needed. The mock is a bean too ({@code @Autowired MockInteractorServer}) and
 * is closed with the context; contexts cached by the Spring TestContext Framework share it, so call
 * {@link io.interactor.spring.test.MockInteractorServer#reset()} where tests must not see each other's state.
 *
 * @since 0.1.0
 * @see MockInteractorAutoConfiguration
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureMockInteractor {

}
