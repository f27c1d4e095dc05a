/**
 * JMH benchmarks of model adapters' forward passes on inputs already prepared: scores are per
 * predict call of {@code batch} items (the report turns them into items per second).
 */
package org.glamibench.benchmarks.adapter;
