/** The one family of exceptions the aggregates throw when a command breaks a rule, and its transport. */
package dk.tilsynsspor.command.rules;
