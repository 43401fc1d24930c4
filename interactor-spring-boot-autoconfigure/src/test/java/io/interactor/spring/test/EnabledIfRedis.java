package io.interactor.spring.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only when a Redis server is available: a Testcontainers Redis container when a Docker engine is
 * available, else the server named by the environment variable {@code REDIS_URL} (CI starts one). Otherwise the
 * tests are skipped and the reason is printed once on the console. See {@link RedisCondition}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RedisCondition.class)
public @interface EnabledIfRedis {

}
