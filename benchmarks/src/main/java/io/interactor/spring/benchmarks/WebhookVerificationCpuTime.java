package io.interactor.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * P1 on a busy machine: the CPU time one verification costs on its thread, for the starter, the limit and the limit
 * with header parsing of {@link WebhookVerificationBenchmark} (same set-up, same deliveries). Wall-clock throughput
 * swings with whatever else runs on the cores; the CPU time a thread spends per operation varies far less. The sides
 * run in short rounds with the order rotated each round, and each side's median over the rounds is printed:
 * {@code java -cp ... io.interactor.spring.benchmarks.WebhookVerificationCpuTime [bodySize [rounds [opsPerRound]]]}.
 * A complement to the JMH figures, not a replacement: no JMH safeguards beyond warm-up and consuming every result.
 *
 * @since 0.1.0
 */
public final class WebhookVerificationCpuTime {

	private static final String[] SIDES = { "starter", "limit", "limitWithHeaderParse" };

	private WebhookVerificationCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		WebhookVerificationBenchmark benchmark = new WebhookVerificationBenchmark();
		benchmark.bodySize = (args.length > 0) ? Integer.parseInt(args[0]) : 1024;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 40;
		int ops = (args.length > 2) ? Integer.parseInt(args[2]) : Math.max(50, 5_000_000 / benchmark.bodySize);
		benchmark.setUp();
		BooleanSupplier[] sides = { () -> benchmark.starter().isValid(), benchmark::limit,
				benchmark::limitWithHeaderParse };
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int warmup = 0; warmup < 5; warmup++) {
			for (BooleanSupplier side : sides) {
				run(side, ops);
			}
		}
		double[][] nanosPerOp = new double[sides.length][rounds];
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < sides.length; i++) {
				int side = (i + round) % sides.length;
				long start = threads.getCurrentThreadCpuTime();
				run(sides[side], ops);
				nanosPerOp[side][round] = (threads.getCurrentThreadCpuTime() - start) / (double) ops;
			}
		}
		double[] medians = new double[sides.length];
		for (int i = 0; i < sides.length; i++) {
			double[] sorted = nanosPerOp[i].clone();
			Arrays.sort(sorted);
			medians[i] = sorted[rounds / 2];
			System.out.printf("P1 %d B, %s: median %.0f ns CPU/op (quartiles %.0f, %.0f)%n", benchmark.bodySize,
					SIDES[i], medians[i], sorted[rounds / 4], sorted[3 * rounds / 4]);
		}
		System.out.printf("P1 %d B, starter as a throughput ratio: %.2f of the limit, %.2f of the limit with header "
				+ "parse%n", benchmark.bodySize, medians[1] / medians[0], medians[2] / medians[0]);
	}

	private static void run(BooleanSupplier side, int ops) {
		for (int i = 0; i < ops; i++) {
			if (!side.getAsBoolean()) {
				throw new IllegalStateException(side + " rejected its correctly signed delivery");
			}
		}
	}

}
