package io.interactor.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;

/**
 * P6 memory: heap retained per key by the in-memory idempotency store and by a plain {@link ConcurrentHashMap} holding
 * the same keys, and the heap after a million distinct deliveries into a store bounded at 100,000 keys. Measured as the
 * used heap after full collections, so run it alone in its own JVM:
 * {@code java -cp ... io.interactor.spring.benchmarks.StoreFootprint}.
 *
 * @since 0.1.0
 */
public final class StoreFootprint {

	private static final int KEYS = 100_000;

	private static final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private StoreFootprint() {
	}

	public static void main(String[] args) {
		String[] keys = new String[KEYS];
		for (int i = 0; i < KEYS; i++) {
			keys[i] = "evt_" + UUID.randomUUID();
		}
		// first use of each side (class loading, one-time runtime structures) before the baseline, so that only the
		// keys' share is measured
		InMemoryWebhookIdempotencyStore warmStore = store();
		warmStore.claim("evt_warm", "claim");
		warmStore.complete("evt_warm", "claim");
		ConcurrentHashMap<String, String> warmMap = new ConcurrentHashMap<>();
		warmMap.put("evt_warm", "done");
		long base = usedAfterGc();
		InMemoryWebhookIdempotencyStore store = store();
		for (String key : keys) {
			store.claim(key, "claim");
			store.complete(key, "claim");
		}
		long withStore = usedAfterGc();
		ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
		for (String key : keys) {
			map.put(key, "done");
		}
		long withMap = usedAfterGc();
		// per key held: the store may have evicted a few keys before it is full (see its Javadoc)
		System.out.printf("P6 bytes per key (keys themselves excluded): store %d (%d keys held), ConcurrentHashMap %d%n",
				(withStore - base) / store.size(), store.size(), (withMap - withStore) / map.size());
		keep(store, map);
		keep(warmStore, warmMap);

		store = null;
		map = null;
		keys = null;
		long empty = usedAfterGc();
		InMemoryWebhookIdempotencyStore bounded = store();
		for (int i = 0; i < 1_000_000; i++) {
			String key = "evt_" + UUID.randomUUID();
			bounded.claim(key, "claim");
			bounded.completeHandler(key, "claim", "handlers#on(io.interactor.spring.webhook.RoomMessageData)");
			bounded.complete(key, "claim");
		}
		long after = usedAfterGc();
		System.out.printf("P6 after 1,000,000 distinct deliveries: %d keys held (max-entries %d), %.1f MiB retained%n",
				bounded.size(), KEYS, (after - empty) / 1024.0 / 1024.0);
		keep(bounded, null);
	}

	private static InMemoryWebhookIdempotencyStore store() {
		return new InMemoryWebhookIdempotencyStore(KEYS, Duration.ofMinutes(5), Duration.ofDays(7), Clock.systemUTC());
	}

	private static long usedAfterGc() {
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static void keep(Object first, Object second) {
		if (first.hashCode() == System.nanoTime() && second != null) {
			System.out.println(first + " " + second);
		}
	}

}
