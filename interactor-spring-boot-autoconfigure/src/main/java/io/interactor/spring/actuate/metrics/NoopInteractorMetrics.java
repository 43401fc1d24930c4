package io.interactor.spring.actuate.metrics;

/**
 * Records nothing: every method keeps its default.
 */
final class NoopInteractorMetrics implements InteractorMetrics {

	static final NoopInteractorMetrics INSTANCE = new NoopInteractorMetrics();

	private NoopInteractorMetrics() {
	}

	@Override
	public String toString() {
		return "InteractorMetrics.noop()";
	}

}
