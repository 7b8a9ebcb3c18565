package dk.tilsynsspor.command.rules;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the {@link RuleViolation} with the given code, as fixture tests expect it. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<RuleViolation> violation(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a broken rule with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("code was ").appendValue(violation.code())
                        .appendText(": ").appendText(violation.getMessage());
            }
        };
    }
}
