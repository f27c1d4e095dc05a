/** JMH benchmarks of the harness's stages; each class measures one stage. */
package org.glamibench.benchmarks;
