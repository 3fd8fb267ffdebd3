/**
 * The endpoint advices of {@link dev.junction.api.advice.Advices} and the chain that nests them around an endpoint's
 * own handling ({@link dev.junction.impl.advice.AdviceChain}).
 *
 * <p><b>Why no resilience library.</b> Retry, back-off and circuit breaking here are a few small classes of our own
 * rather than resilience4j or Failsafe, for these reasons:
 * <ul>
 * <li>the semantics an endpoint needs are not those libraries' defaults: the breaker opens after <i>consecutive</i>
 * failures and half-opens a fixed time after the <i>last</i> failure, with one trial at a time (resilience4j's breaker
 * works on failure rates over a sliding window); a stateful retry counts the attempts of a message the caller
 * resubmits, recognised by a key expression, which neither library models; failures are classified by walking their
 * cause chain, since a handler's failure arrives wrapped;
 * <li>the retry must re-run the rest of the advice chain through {@code Execution.proceed()}, send an
 * {@code ErrorMessage} to a channel on recovery and resolve channels and expressions per endpoint: glue that would
 * be most of the code anyway;
 * <li>{@code impl} takes no logging framework as a dependency ({@code System.Logger} only), and adds no jar an
 * application server must then also carry for a few hundred lines of logic.
 * </ul>
 * The advices' behaviour is pinned by tests (attempt counts, back-off timings, breaker phases), so replacing the
 * internals by a library later would not change what users see: the {@code api} exposes no library type.
 */
package dev.junction.impl.advice;
