package dev.vad.notifier;

/**
 * How a notifier run ended.
 *
 * @param records      records of the events topic handled and committed
 * @param deadLetters  dead letters sent (undecodable records, and events a sink gave up on)
 */
public record NotifierOutcome(long records, long deadLetters) {
}
