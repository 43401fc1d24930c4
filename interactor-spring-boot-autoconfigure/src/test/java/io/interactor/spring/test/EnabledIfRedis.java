package io.interactor.spring.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only when the environment variable {@code REDIS_URL} points at a Redis server (CI starts one);
 * otherwise the tests are skipped with a message saying so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RedisCondition.class)
public @interface EnabledIfRedis {

}
