package io.interactor.spring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P6: one delivery's work in the in-memory idempotency store (claim a new key, complete it) at 100,000 keys held, from
 * two threads, compared with the least a bounded {@link ConcurrentHashMap} can do for the same: {@code putIfAbsent}
 * as the claim, {@code put} as the completion, and {@code remove} of the key written 100,000 deliveries earlier to
 * stay at the bound. Every key is new to the store when claimed: each thread cycles through 200,000 keys, twice the
 * bound, so a key was evicted before it comes round again.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(2)
public class IdempotencyStoreBenchmark {

	static final int KEYS_HELD = 100_000;

	static final int KEYS_PER_THREAD = 2 * KEYS_HELD;

	static final int THREADS = 2;

	private static final String DONE = "done";

	private final AtomicInteger threadIds = new AtomicInteger();

	private InMemoryWebhookIdempotencyStore store;

	private ConcurrentHashMap<String, String> map;

	@Setup(Level.Trial)
	public void fill() {
		this.store = new InMemoryWebhookIdempotencyStore(KEYS_HELD, Duration.ofMinutes(5), Duration.ofDays(7),
				Clock.systemUTC());
		this.map = new ConcurrentHashMap<>();
		for (int i = 0; i < KEYS_HELD; i++) {
			String key = "evt_prefill_" + i;
			this.store.claim(key, "claim");
			this.store.complete(key, "claim");
			this.map.put(key, DONE);
		}
	}

	/** One thread's keys, distinct from every other thread's. */
	@State(Scope.Thread)
	public static class Keys {

		String[] keys;

		int next;

		@Setup(Level.Trial)
		public void create(IdempotencyStoreBenchmark benchmark) {
			int thread = benchmark.threadIds.getAndIncrement();
			this.keys = new String[KEYS_PER_THREAD];
			for (int i = 0; i < KEYS_PER_THREAD; i++) {
				this.keys[i] = "evt_" + thread + "_" + java.util.UUID.randomUUID();
			}
		}

		String next() {
			String key = this.keys[this.next];
			this.next = (this.next + 1 == KEYS_PER_THREAD) ? 0 : this.next + 1;
			return key;
		}

		/** The key this thread wrote its share of the bound ago: removing it keeps the map at the bound. */
		String expired() {
			int index = this.next - 1 - KEYS_HELD / THREADS;
			return this.keys[(index < 0) ? index + KEYS_PER_THREAD : index];
		}

	}

	@Benchmark
	public ClaimResult store(Keys keys) {
		String key = keys.next();
		ClaimResult result = this.store.claim(key, "claim");
		this.store.complete(key, "claim");
		return result;
	}

	@Benchmark
	public boolean concurrentHashMap(Keys keys) {
		String key = keys.next();
		boolean claimed = this.map.putIfAbsent(key, "claim") == null;
		this.map.put(key, DONE);
		this.map.remove(keys.expired());
		return claimed;
	}

}
