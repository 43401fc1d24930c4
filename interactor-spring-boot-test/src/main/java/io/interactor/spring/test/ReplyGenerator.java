package io.interactor.spring.test;

/**
 * Produces the reply of a room's assistant to a user message posted to a {@link MockInteractorServer}. The reply is
 * stored as an {@code assistant} message and streamed on the room's event stream. The default
 * ({@link #echo()}) is deterministic so that tests can assert on it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ReplyGenerator {

	/**
	 * The reply text to a user message.
	 * @param prompt the message and where it was posted
	 * @return the full reply text, never {@code null}
	 */
	String reply(Prompt prompt);

	/**
	 * The default generator: replies {@code "You said: <content>"}.
	 * @return the echoing generator
	 */
	static ReplyGenerator echo() {
		return (prompt) -> "You said: " + prompt.content();
	}

	/**
	 * A user message that the assistant answers.
	 *
	 * @param namespace the namespace of the room
	 * @param assistantId the id of the room's assistant
	 * @param roomId the id of the room
	 * @param content the text of the user message
	 * @since 0.1.0
	 */
	record Prompt(String namespace, String assistantId, String roomId, String content) {

	}

}
