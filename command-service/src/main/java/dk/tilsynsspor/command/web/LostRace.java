package dk.tilsynsspor.command.web;

import dk.tilsynsspor.command.rules.RuleBroken;
import dk.tilsynsspor.command.rules.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command that lost the race for its aggregate at every attempt, in the form that crosses the command bus alike
 * locally and via Axon Server: a {@link CommandExecutionException} whose details say so. Axon Server passes a remote
 * handler's failure to the sender as such an exception with the details it carried, and only the messages of its
 * causes; a bare lost race (Axon's {@code ConcurrencyException}, or Axon Server's refusal of the sequence number)
 * reached the sender as a failure of no known kind and was answered 500 "command-failed" where the same race on
 * PostgreSQL alone is answered 409 "concurrent-change". The gateway sends such a command again like a local lost race.
 */
final class LostRace {

    static final String CODE = "concurrent-change";
    /** What the client is told, here and for a race lost on this instance alike. */
    static final String DETAIL =
            "Someone changed this at the same moment; nothing of yours was recorded. Send it again.";
    private static final RuleBroken DETAILS = new RuleBroken(CODE, RuleViolation.Kind.CONFLICT, DETAIL, null);

    private LostRace() {
    }

    /** The answer to a command whose last attempt failed with {@code lastFailure}, a lost race. */
    static CommandExecutionException after(Throwable lastFailure) {
        return new CommandExecutionException("The command lost the race for its aggregate at every attempt",
                lastFailure, DETAILS);
    }

    /** Whether {@code failure} is such an answer, from this instance or from another one via Axon Server. */
    static boolean is(Throwable failure) {
        return failure instanceof CommandExecutionException answer
                && answer.getDetails().filter(details -> details instanceof RuleBroken rule
                && CODE.equals(rule.code())).isPresent();
    }
}
