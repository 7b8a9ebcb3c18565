package dk.tilsynsspor.command.rules;

/**
 * What crosses the command bus when a rule is broken, so the answer is the same locally and via Axon Server;
 * {@code field} names the request's field the rule is about, where there is one (else null).
 */
public record RuleBroken(String code, RuleViolation.Kind kind, String detail, String field) {
}
